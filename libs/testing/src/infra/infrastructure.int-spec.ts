import { randomUUID } from 'node:crypto';
import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Client } from 'pg';
import { devAccessToken } from '../oidc/dev-access-token';
import { DEV_AUDIENCE } from '../oidc/dev-identities';
import { createDatabase } from './database';

// Set by libs/testing/src/jest/global-setup.ts (or given by the environment).
function requiredEnvironment(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run through the jest "integration" project`);
  return value;
}

const unique = () => randomUUID().slice(0, 8);

describe('local infrastructure', () => {
  it('Kafka auto-creates a topic and delivers a produced record to a consumer group', async () => {
    const kafka = new Kafka({ brokers: requiredEnvironment('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const topic = `infrastructure-test-${unique()}`;
    const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: true });
    const consumer = kafka.consumer({ groupId: `infrastructure-test-${unique()}` });
    await producer.connect();
    await consumer.connect();
    try {
      await producer.send({ topic, messages: [{ key: 'order-1', value: 'hello' }] });
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = await new Promise<string>((resolve) => {
        void consumer.run({ eachMessage: async ({ message }) => resolve(`${message.key}=${message.value}`) });
      });
      expect(received).toBe('order-1=hello');
      const metadata = await kafka.admin().fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
      expect(metadata?.topics[0].partitions).toHaveLength(3);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });

  it('the registry serves the Confluent API, refuses a change its subject does not allow, and defaults to FULL_TRANSITIVE', async () => {
    const host = requiredEnvironment('SCHEMA_REGISTRY_URL');
    const subject = `infrastructure-test-${unique()}-value`;
    const options = { subject, compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE };
    const record = (...fields: object[]) => ({
      type: SchemaType.AVRO as const,
      schema: JSON.stringify({ type: 'record', name: 'Probe', fields }),
    });
    const amount = { name: 'amountMinor', type: 'long' };
    const first = new SchemaRegistry({ host });

    const { id } = await first.register(record(amount), options);
    const encoded = await first.encode(id, { amountMinor: 1250 });
    expect(encoded.readUInt8(0)).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);

    // A fresh client has no cache: the schema and the subject's compatibility come from the registry.
    const second = new SchemaRegistry({ host });
    expect(await second.decode(encoded)).toEqual({ amountMinor: 1250 });
    const currency = { name: 'currency', type: 'string', default: 'EUR' };
    expect((await second.register(record(amount, currency), options)).id).not.toBe(id);
    // A new field without a default cannot read the records written before it.
    const withoutDefault = record(amount, { name: 'note', type: 'string' });
    await expect(second.register(withoutDefault, options)).rejects.toThrow(/409|[Ii]ncompatible/);

    const config = await fetch(`${host}/config`).then((response) => response.json());
    expect(config).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
  });

  it('createDatabase gives a database owned by a role of its own, idempotently', async () => {
    const adminUrl = requiredEnvironment('DATABASE_ADMIN_URL');
    const name = `infrastructure_test_${unique()}`;
    const url = await createDatabase(adminUrl, name);
    expect(await createDatabase(adminUrl, name)).toBe(url);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('create table probe (id int primary key, note text)');
      await client.query("insert into probe values (1, 'stored')");
      const { rows } = await client.query(
        'select note, current_user as role, current_database() as database from probe',
      );
      expect(rows).toEqual([{ note: 'stored', role: name, database: name }]);
    } finally {
      await client.end();
    }
  });

  it("the development OpenID provider issues client tokens for the API audience carrying the client's roles", async () => {
    const issuer = requiredEnvironment('OIDC_ISSUER_URL');
    const discovery = (await fetch(`${issuer}/.well-known/openid-configuration`).then((response) => response.json())) as { jwks_uri: string };
    const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
    const verified = async (token: string) => (await jwtVerify(token, keys, { issuer, audience: DEV_AUDIENCE })).payload;

    expect(await verified(await devAccessToken('credit'))).toMatchObject({ sub: 'credit', client_id: 'credit', roles: ['credit'] });
    expect(await verified(await devAccessToken('shop'))).toMatchObject({ roles: ['channel'], channel: 'shop' });
    expect(await verified(await devAccessToken('nobody'))).toMatchObject({ roles: [] });
  });
});

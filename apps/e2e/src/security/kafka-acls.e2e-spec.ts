import type { Infrastructure, KafkaTopicResource, KafkaUserResource, ScramUser } from '@tradeflow/testing';
import { eventually, freePorts, ScramKafkaClient, startInfrastructure } from '@tradeflow/testing';
import { TOPICS } from '@tradeflow/events';
import { loadAll } from 'js-yaml';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice, SliceService } from '../slice';
import { startSlice } from '../slice';

const ROOT = join(__dirname, '../../../..');
const SERVICES: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];
const generated = <T>(file: string) => loadAll(readFileSync(join(ROOT, 'deploy/k8s/base/kafka', file), 'utf8')) as T[];
const password = () => randomBytes(18).toString('base64url');

interface DeadLetterView {
  id: string;
  reason: string;
  key: string;
  originalTopic: string;
}

/**
 * The services on a broker that authenticates (SCRAM-SHA-512) and authorizes (KRaft
 * StandardAuthorizer) every request, loaded with the KafkaTopics and KafkaUsers that deploy/k8s
 * generates, each service logged in as its own user: what they get in the cluster, nothing more.
 * Topic names unprefixed and each group named after its service, as there.
 */
describe('every service under the generated Kafka ACLs, on a broker that enforces them', () => {
  const users = generated<KafkaUserResource>('generated-users.yaml');
  const superUser: ScramUser = { name: 'tradeflow-test-operator', password: password() };
  const credentials = new Map(SERVICES.map((service) => [service, { name: service, password: password() }]));
  let stateDir: string;
  let kafka: Infrastructure;
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const sku = `MUG-${randomUUID().slice(0, 8)}`;
  const asUser = (service: SliceService) => new ScramKafkaClient(kafka.kafkaBrokers, credentials.get(service) as ScramUser);
  const deadLetters = async (service: SliceService) =>
    (await callAs('ops', 'GET', `${slice[service].url}/v1/dead-letters?includeReplayed=true`)).body.deadLetters as DeadLetterView[];

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'tradeflow-kafka-acls-'));
    const [port, controllerPort] = await freePorts(2);
    kafka = await startInfrastructure({
      services: [],
      stateDir,
      ports: { kafka: port, kafkaController: controllerPort },
      components: ['kafka'],
      kafkaScram: { superUser, users: [...credentials.values()] },
    });
    await new ScramKafkaClient(kafka.kafkaBrokers, superUser).provision(generated<KafkaTopicResource>('generated-topics.yaml'), users);
    const own = (service: SliceService) => ({
      KAFKA_BROKERS: kafka.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: '',
      // Topics are the KafkaTopics above, as the Topic Operator makes them; the users may not create any.
      KAFKA_CREATE_TOPICS: 'false',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: service,
      KAFKA_SASL_PASSWORD: credentials.get(service)?.password ?? '',
    });
    slice = await startSlice(Object.fromEntries(SERVICES.map((service) => [service, own(service)])));
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(sku);
  }, 5 * 60_000);
  afterAll(async () => {
    await slice?.stop();
    await kafka?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('loads a KafkaUser for every service', () => {
    expect(users.map((user) => user.metadata.name).sort()).toEqual([...SERVICES].sort());
  });

  it('takes one order through every service', async () => {
    const orderId = await tradeflow.orderToCash(sku);
    expect((await tradeflow.order(orderId)).status).toBe('COMPLETED');
  });

  it("lists a service's dead letters and replays one to that service's group alone", async () => {
    // A record nobody can decode on the orders topic: a dead letter in every group that reads it.
    const key = `poison-${randomUUID()}`;
    await new ScramKafkaClient(kafka.kafkaBrokers, superUser).publishRaw(TOPICS.orders.name, Buffer.from('not an avro record'), key);
    const readers = SERVICES.filter((service) =>
      users
        .find((user) => user.metadata.name === service)
        ?.spec.authorization.acls.some((acl) => acl.resource.name === TOPICS.orders.name && acl.operations.includes('Read')),
    );
    expect(readers).toContain('inventory');
    const letterOf = async (service: SliceService) => (await deadLetters(service)).filter((letter) => letter.key === key);
    for (const service of readers) await eventually(() => letterOf(service), (found) => found.length === 1);

    const [letter] = await letterOf('inventory');
    expect(letter).toMatchObject({ reason: 'not-wire-format', originalTopic: TOPICS.orders.name });
    const replay = await callAs('ops', 'POST', `${slice.inventory.url}/v1/dead-letters/replay`, { ids: [letter.id], justification: 'ACL e2e' });
    expect(replay.body).toEqual({ replayed: [letter.id], skipped: [] });

    // Still undecodable, so inventory dead-letters it again, now from its retry topic; no other group saw it.
    const again = await eventually(() => letterOf('inventory'), (found) => found.length === 2);
    expect(again.map((found) => found.originalTopic)).toEqual([TOPICS.orders.name, 'inventory.retry']);
    for (const service of readers.filter((reader) => reader !== 'inventory')) expect(await letterOf(service)).toHaveLength(1);
  });

  it("refuses a service's write to a topic it does not own, and a replay into another service's retry topic", async () => {
    // kafkajs' words for the broker's TOPIC_AUTHORIZATION_FAILED (error code 29), which it rethrows as non-retriable.
    const refused = 'Not authorized to access topics: [Topic authorization failed]';
    await expect(asUser('inventory').publishRaw(TOPICS.invoices.name, Buffer.from('forged'), 'INV-1')).rejects.toThrow(refused);
    await expect(asUser('shipping').publishRaw('inventory.retry', Buffer.from('forged'), 'ORD-1')).rejects.toThrow(refused);
  });
});

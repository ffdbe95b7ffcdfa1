import { createEvent, EventCodec } from '@tradeflow/events';
import { createDatabase, requiredEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { messagingMigrations } from '../migrations';
import { TopicNames } from '../kafka/topic-names';
import { OutboxRelay } from './outbox-relay';
import { appendToOutbox } from './outbox-writer';

function orderApproved(orderId: string, version: number) {
  return createEvent(
    'OrderApproved',
    { orderId, customerId: 'CUST-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] },
    { producer: 'order', aggregateId: orderId, aggregateVersion: version, correlationId: orderId },
  );
}

describe('outbox relay (real Postgres, Kafka and schema registry)', () => {
  const prefix = uniqueTopicPrefix();
  const registryUrl = requiredEnv('SCHEMA_REGISTRY_URL');
  const kafka = new Kafka({ clientId: 'relay-test', brokers: requiredEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const testKafka = new TestKafka(prefix);
  let dataSource: DataSource;
  let relay: OutboxRelay;

  beforeAll(async () => {
    const url = await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `relay_${randomUUID().slice(0, 8)}`);
    dataSource = await new DataSource({ type: 'postgres', url, migrations: messagingMigrations }).initialize();
    await dataSource.runMigrations();
    await producer.connect();
    // Requests of about three records: a batch of rows takes several produce requests.
    relay = new OutboxRelay(dataSource, producer, new EventCodec({ registryUrl }), new TopicNames(prefix), {
      pollIntervalMs: 100,
      batchSize: 100,
      maxRequestBytes: 1500,
    });
  });

  afterAll(async () => {
    await relay.stop();
    await producer.disconnect();
    await dataSource.destroy();
  });

  it('publishes events committed while the relay was down, in commit order, once it runs', async () => {
    const orderId = randomUUID();
    const events = [orderApproved(orderId, 1), orderApproved(orderId, 2), orderApproved(orderId, 3)];
    await dataSource.transaction((manager) => appendToOutbox(manager, events.map((event) => ({ event, headers: {} }))));
    expect(await relay.backlog()).toMatchObject({ count: 3 });

    await relay.start();
    const records = await testKafka.readUntil('tradeflow.orders.v1', (seen) => seen.length >= 3);
    const decoded = await Promise.all(records.map((record) => testKafka.codec.decode(record.value)));
    expect(decoded.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    expect(records.every((record) => record.key === orderId)).toBe(true);
    expect(records[0].headers['event-type']?.toString()).toBe('OrderApproved');

    await relay.flush();
    expect(await relay.backlog()).toEqual({ count: 0, oldestAgeSeconds: 0 });
  });

  it('sends a batch larger than one produce request in several, every record once and in order', async () => {
    const orderId = randomUUID();
    const events = Array.from({ length: 20 }, (_, index) => orderApproved(orderId, index + 1));
    await dataSource.transaction((manager) => appendToOutbox(manager, events.map((event) => ({ event, headers: {} }))));

    await relay.flush();
    const records = await testKafka.readUntil('tradeflow.orders.v1', (seen) => seen.filter((record) => record.key === orderId).length >= 20);
    const decoded = await Promise.all(records.filter((record) => record.key === orderId).map((record) => testKafka.codec.decode(record.value)));
    expect(decoded.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    expect(await relay.backlog()).toEqual({ count: 0, oldestAgeSeconds: 0 });
  });

  it('writes the Confluent wire format: magic byte 0 and a schema id the registry knows', async () => {
    const orderId = randomUUID();
    await dataSource.transaction((manager) => appendToOutbox(manager, [{ event: orderApproved(orderId, 1), headers: {} }]));
    const records = await testKafka.readUntil('tradeflow.orders.v1', (seen) => seen.some((record) => record.key === orderId));
    const value = records.find((record) => record.key === orderId)!.value;
    expect(value[0]).toBe(0);
    const schemaId = value.readInt32BE(1);
    const response = await fetch(`${registryUrl}/schemas/ids/${schemaId}`);
    expect(response.status).toBe(200);
    expect(JSON.parse(((await response.json()) as { schema: string }).schema).name).toBe('OrderApproved');
  });
});

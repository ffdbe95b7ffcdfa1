import { createEvent, EventCodec } from '@tradeflow/events';
import { createDatabase, requiredEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { messagingMigrations } from '../migrations';
import { TopicNames } from '../kafka/topic-names';
import { OutboxRelay } from './outbox-relay';
import { appendToOutbox } from './outbox-writer.queries';

function orderApproved(orderId: string, version: number) {
  return createEvent(
    'OrderApproved',
    { orderId, customerId: 'CUST-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] },
    { producer: 'order', aggregateId: orderId, aggregateVersion: version, correlationId: orderId },
  );
}

/** The idempotent producer the services' relays use. */
function relayProducer(): Producer {
  const kafka = new Kafka({ clientId: 'relay-test', brokers: requiredEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
}

/** A database of its own with the outbox tables, so no other relay publishes its rows. */
async function outboxDatabase(): Promise<DataSource> {
  const url = await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `relay_${randomUUID().slice(0, 8)}`);
  const dataSource = await new DataSource({ type: 'postgres', url, migrations: messagingMigrations }).initialize();
  await dataSource.runMigrations();
  return dataSource;
}

describe('outbox relay (real Postgres, Kafka and schema registry)', () => {
  const prefix = uniqueTopicPrefix();
  const registryUrl = requiredEnv('SCHEMA_REGISTRY_URL');
  const producer = relayProducer();
  const testKafka = new TestKafka(prefix);
  let dataSource: DataSource;
  let relay: OutboxRelay;

  beforeAll(async () => {
    dataSource = await outboxDatabase();
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

  it('publishes events committed while the relay was down, in the order they were written, once it runs', async () => {
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

describe('outbox relay and a transaction that commits late (real Postgres, Kafka and schema registry)', () => {
  const prefix = uniqueTopicPrefix();
  const producer = relayProducer();
  const testKafka = new TestKafka(prefix);
  let dataSource: DataSource;
  let relay: OutboxRelay;

  beforeAll(async () => {
    dataSource = await outboxDatabase();
    await producer.connect();
  });

  afterAll(async () => {
    await relay?.stop();
    await producer.disconnect();
    await dataSource.destroy();
  });

  /** The producer, except that its first send waits until `release` is called. */
  function holdFirstSend(): { producer: Producer; sending: Promise<void>; release: () => void } {
    let release!: () => void;
    let started!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const sending = new Promise<void>((resolve) => (started = resolve));
    let first = true;
    const held: Producer = {
      ...producer,
      sendBatch: async (batch) => {
        if (first) {
          first = false;
          started();
          await released;
        }
        return producer.sendBatch(batch);
      },
    };
    return { producer: held, sending, release };
  }

  it('publishes a row whose transaction committed after higher ids went out before the next event on its key', async () => {
    const orderId = randomUUID();
    const otherId = randomUUID();
    const [late, next] = [orderApproved(orderId, 1), orderApproved(orderId, 2)];

    // The late transaction takes the lowest id and stays open while two other rows commit.
    const lateTransaction = dataSource.createQueryRunner();
    await lateTransaction.startTransaction();
    await appendToOutbox(lateTransaction.manager, [{ event: late, headers: {} }]);
    await dataSource.transaction((manager) =>
      appendToOutbox(manager, [orderApproved(otherId, 1), orderApproved(otherId, 2)].map((event) => ({ event, headers: {} }))),
    );

    // One row per batch: the relay sends the first other row and has read the second ahead of it.
    const held = holdFirstSend();
    relay = new OutboxRelay(dataSource, held.producer, new EventCodec({ registryUrl: requiredEnv('SCHEMA_REGISTRY_URL') }), new TopicNames(prefix), {
      pollIntervalMs: 100,
      batchSize: 1,
      maxRequestBytes: 1_000_000,
    });
    await relay.start();
    await held.sending;

    // Meanwhile the late row commits, then the next event on its key (a transaction that saw it).
    await lateTransaction.commitTransaction();
    await lateTransaction.release();
    await dataSource.transaction((manager) => appendToOutbox(manager, [{ event: next, headers: {} }]));
    held.release();

    const records = await testKafka.readUntil('tradeflow.orders.v1', (seen) => seen.filter((record) => record.key === orderId).length >= 2);
    const decoded = await Promise.all(records.filter((record) => record.key === orderId).map((record) => testKafka.codec.decode(record.value)));
    expect(decoded.map((event) => event.eventId)).toEqual([late.eventId, next.eventId]);
    await relay.flush();
    expect(await relay.backlog()).toEqual({ count: 0, oldestAgeSeconds: 0 });
  });
});

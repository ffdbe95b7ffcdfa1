import type { OrderApproved } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/messaging';
import { startService } from '@tradeflow/messaging';
import { loadConfig } from '@tradeflow/platform';
import { createDatabase, eventually, requiredEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { InventorySettings } from '../inventory-settings';
import { inventoryService } from '../inventory-service';

function approved(sku: string, quantity: number): OrderApproved {
  const orderId = randomUUID();
  return createEvent(
    'OrderApproved',
    { orderId, customerId: 'CUST-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku, quantity }] },
    { producer: 'order', aggregateId: orderId, aggregateVersion: 2, correlationId: orderId },
  );
}

describe('inventory consuming OrderApproved (real Kafka, registry, Postgres)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka(prefix);
  let inventory: RunningService;

  beforeAll(async () => {
    const settings = loadConfig(InventorySettings, {
      KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: requiredEnv('SCHEMA_REGISTRY_URL'),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      DATABASE_URL_INVENTORY: await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `inv_${randomUUID().slice(0, 8)}`),
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    inventory = await startService(inventoryService, settings);
    await fetch(`${inventory.url}/v1/stock/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receiptId: 'R1', warehouse: 'BER', lines: [{ sku: 'MUG', quantity: 10 }, { sku: 'TEA', quantity: 10 }] }),
    });
  });
  afterAll(() => inventory?.app.close());

  const stockOf = async (sku: string) => (await fetch(`${inventory.url}/v1/stock/${sku}`)).json() as Promise<{ reserved: number }>;

  it('reserves stock once when the same event is delivered twice', async () => {
    const order = approved('MUG', 3);
    await kafka.publish([order, order], (event) => event.aggregateId);
    const marker = approved('TEA', 1);
    await kafka.publish([marker], (event) => event.aggregateId);

    // The marker is behind both copies on the same partition: once it is applied, so are they.
    await eventually(() => stockOf('TEA'), (stock) => stock.reserved === 1);
    expect((await stockOf('MUG')).reserved).toBe(3);

    const published = await kafka.readUntil('tradeflow.reservations.v1', (records) => records.length >= 2);
    const reservedEvents = await Promise.all(published.map((record) => kafka.codec.decode(record.value)));
    expect(reservedEvents.filter((event) => event.causationId === order.eventId)).toHaveLength(1);
  });

  it('dead-letters a record that is not Avro and keeps consuming', async () => {
    await kafka.publishRaw('tradeflow.orders.v1', Buffer.from('definitely not avro'));
    const after = approved('TEA', 2);
    await kafka.publish([after], (event) => event.aggregateId);

    await eventually(() => stockOf('TEA'), (stock) => stock.reserved === 3);
    const [deadLetter] = await kafka.readUntil('inventory.dlq', (records) => records.length >= 1);
    expect(deadLetter.value.toString()).toBe('definitely not avro');
    expect(deadLetter.headers['dlq-error-class']?.toString()).toBe('UndecodableEventError');
    expect(deadLetter.headers['dlq-original-topic']?.toString()).toBe(`${prefix}tradeflow.orders.v1`);
  });
});

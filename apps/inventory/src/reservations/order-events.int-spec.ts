import type { OrderApproved } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { foreignEvent, InventoryUnderTest } from '../testing/inventory-under-test';

function approved(sku: string, quantity: number): OrderApproved {
  const orderId = randomUUID();
  const lines = [{ lineNo: 1, sku, quantity }];
  return foreignEvent('OrderApproved', { orderId, customerId: 'CUST-1', allowPartialShipment: false, lines }, 2);
}

describe('inventory consuming OrderApproved (real Kafka, registry, Postgres)', () => {
  let inventory: InventoryUnderTest;

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start();
    await inventory.addProducts(['MUG', 'TEA']);
    await inventory.receive('BER', [
      { sku: 'MUG', quantity: 10 },
      { sku: 'TEA', quantity: 10 },
    ]);
  });
  afterAll(() => inventory?.stop());

  it('reserves stock once when the same event is delivered twice', async () => {
    const order = approved('MUG', 3);
    await inventory.publish(order, order);
    const marker = approved('TEA', 1);
    await inventory.publish(marker);

    // The marker is behind both copies on the same partition: once it is applied, so are they.
    await eventually(() => inventory.stock('TEA'), (stock) => stock.reserved === 1);
    expect((await inventory.stock('MUG')).reserved).toBe(3);

    const published = await inventory.published('tradeflow.reservations.v1', order.orderId, (types) => types.length >= 1);
    expect(published.filter((event) => event.causationId === order.eventId)).toHaveLength(1);
  });

  it('dead-letters a record that is not Avro and keeps consuming', async () => {
    await inventory.kafka.publishRaw('tradeflow.orders.v1', Buffer.from('definitely not avro'));
    const after = approved('TEA', 2);
    await inventory.publish(after);

    await eventually(() => inventory.stock('TEA'), (stock) => stock.reserved === 3);
    const [deadLetter] = await inventory.kafka.readUntil(`${inventory.consumerGroup}.dlq`, (records) => records.length >= 1);
    expect(deadLetter.value.toString()).toBe('definitely not avro');
    expect(deadLetter.headers['dlq-error-class']?.toString()).toBe('UndecodableEventError');
    expect(deadLetter.headers['dlq-original-topic']?.toString()).toBe(`${inventory.prefix}tradeflow.orders.v1`);
  });
});

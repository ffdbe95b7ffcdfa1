import type { DomainEvent, OrderAmended, OrderApproved, OrderCancelled, StockReleased } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { foreignEvent, InventoryUnderTest } from '../testing/inventory-under-test';

const approved = (sku: string, quantity: number): OrderApproved =>
  foreignEvent('OrderApproved', {
    orderId: randomUUID(),
    customerId: 'C-1',
    allowPartialShipment: true,
    lines: [{ lineNo: 1, sku, quantity }],
  });

const amended = (orderId: string, sku: string, quantity: number, version: number): OrderAmended =>
  foreignEvent('OrderAmended', { orderId, lines: [{ lineNo: 1, sku, quantity, unitPriceMinor: 500, taxRateBp: 1900 }] }, version);

const cancelled = (orderId: string, sku: string, quantity: number): OrderCancelled =>
  foreignEvent('OrderCancelled', { orderId, reason: 'customer', lines: [{ lineNo: 1, sku, quantity }] }, 9);

const ofType = <T extends DomainEvent['eventType']>(events: DomainEvent[], type: T) =>
  events.filter((event) => event.eventType === type) as Extract<DomainEvent, { eventType: T }>[];

describe('inventory following OrderAmended and OrderCancelled (real Kafka, registry, Postgres)', () => {
  let inventory: InventoryUnderTest;

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start();
    await inventory.addProducts(['AMD', 'CNL']);
  });
  afterAll(() => inventory?.stop());

  const line = async (orderId: string) => (await inventory.reservations(orderId))?.lines[0];

  it('reserves more when a line is amended up and releases when amended down, once per event', async () => {
    await inventory.receive('BER', [{ sku: 'AMD', quantity: 10 }]);
    const order = approved('AMD', 4);
    const up = amended(order.orderId, 'AMD', 12, 3);
    const down = amended(order.orderId, 'AMD', 3, 4);
    await inventory.publish(order, up, up);
    await inventory.settle('OrderApproved');

    expect(await line(order.orderId)).toEqual({
      lineNo: 1,
      sku: 'AMD',
      backordered: 2,
      warehouses: [{ warehouse: 'BER', reserved: 10, held: 10, issued: 0, released: 0, returned: 0 }],
    });
    const upEvents = await inventory.caused(up.eventId);
    expect(upEvents.map((event) => event.eventType).sort()).toEqual(['AvailabilityChanged', 'StockBackordered', 'StockLevelChanged', 'StockReserved']);

    await inventory.publish(down, down);
    await inventory.settle('OrderApproved');
    expect(await line(order.orderId)).toEqual({
      lineNo: 1,
      sku: 'AMD',
      backordered: 0,
      warehouses: [{ warehouse: 'BER', reserved: 3, held: 3, issued: 0, released: 7, returned: 0 }],
    });
    expect((await inventory.stock('AMD')).reserved).toBe(3);
    const [released] = ofType(await inventory.caused(down.eventId), 'StockReleased');
    expect(released).toMatchObject({
      orderId: order.orderId,
      reason: 'amended',
      allocations: [{ lineNo: 1, sku: 'AMD', warehouse: 'BER', quantity: 7 }],
      backorders: [{ lineNo: 1, sku: 'AMD', quantity: 2 }],
    });
    expect(ofType(await inventory.caused(down.eventId), 'StockLevelChanged')).toMatchObject([
      { sku: 'AMD', warehouse: 'BER', onHand: 10, reserved: 3, reason: 'release', aggregateId: 'AMD@BER' },
    ]);
  });

  it('ignores an amendment of an order it has not seen approved', async () => {
    const orderId = randomUUID();
    const early = amended(orderId, 'AMD', 2, 2);
    await inventory.publish(early);
    await inventory.settle('OrderApproved');
    expect(await inventory.reservations(orderId)).toBeUndefined();
    expect(await inventory.caused(early.eventId)).toEqual([]);
    expect((await inventory.call('/v1/reservations?orderId=not-a-uuid', 'auditor')).status).toBe(400);
  });

  it('releases a cancelled order and fills waiting backorders first come, first served', async () => {
    await inventory.receive('BER', [{ sku: 'CNL', quantity: 5 }]);
    const first = approved('CNL', 3);
    const second = approved('CNL', 3); // 2 reserved, 1 backordered
    const third = approved('CNL', 3); // 3 backordered
    // Orders are only ordered per key: approvals of different orders may be applied in any order
    // (key lanes), so each arrives after the one before it was applied.
    await inventory.publish(first);
    await eventually(() => line(first.orderId), (view) => view?.backordered === 0);
    await inventory.publish(second);
    await eventually(() => line(second.orderId), (view) => view?.backordered === 1);
    await inventory.publish(third);
    await eventually(() => line(third.orderId), (view) => view?.backordered === 3);

    const cancel = cancelled(first.orderId, 'CNL', 3);
    await inventory.publish(cancel, cancel);
    await inventory.settle('OrderApproved');

    expect(await inventory.reservations(first.orderId)).toMatchObject({
      status: 'cancelled',
      lines: [{ backordered: 0, warehouses: [{ warehouse: 'BER', reserved: 0, held: 0, released: 3 }] }],
    });
    expect(await line(second.orderId)).toMatchObject({ backordered: 0, warehouses: [{ reserved: 3 }] });
    expect(await line(third.orderId)).toMatchObject({ backordered: 1, warehouses: [{ reserved: 2 }] });
    expect(await inventory.stock('CNL')).toMatchObject({ onHand: 5, reserved: 5, available: 0 });

    const events = await inventory.caused(cancel.eventId);
    expect(ofType(events, 'StockReleased')).toMatchObject([
      { orderId: first.orderId, reason: 'cancelled', allocations: [{ warehouse: 'BER', quantity: 3 }], backorders: [] },
    ]);
    expect(ofType(events, 'StockReserved').map((event) => [event.orderId, event.allocations[0].quantity])).toEqual([
      [second.orderId, 1],
      [third.orderId, 2],
    ]);
    // The release went straight to other orders: the level did not change, so no StockLevelChanged.
    expect(ofType(events, 'StockLevelChanged')).toEqual([]);

    const published = await inventory.published('tradeflow.reservations.v1', first.orderId, (types) => types.includes('StockReleased'));
    const releasedOnTopic = published.filter((event): event is StockReleased => event.eventType === 'StockReleased');
    expect(releasedOnTopic).toHaveLength(1);
    expect(releasedOnTopic[0].causationId).toBe(cancel.eventId);
  });
});

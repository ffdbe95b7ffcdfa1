import type { DomainEvent, OrderApproved, OrderCancelled, ReturnReceived, ShipmentDispatched } from '@tradeflow/events';
import { randomUUID } from 'node:crypto';
import { foreignEvent, InventoryUnderTest } from '../testing/inventory-under-test';

const approved = (sku: string, quantity: number): OrderApproved =>
  foreignEvent('OrderApproved', {
    orderId: randomUUID(),
    customerId: 'C-1',
    allowPartialShipment: true,
    lines: [{ lineNo: 1, sku, quantity }],
  });

const dispatched = (orderId: string, sku: string, quantity: number, warehouse = 'BER'): ShipmentDispatched =>
  foreignEvent('ShipmentDispatched', {
    orderId,
    shipmentId: randomUUID(),
    warehouse,
    trackingNumber: `T-${orderId.slice(0, 8)}`,
    lines: [{ lineNo: 1, sku, quantity }],
  });

const cancelled = (orderId: string, sku: string, quantity: number): OrderCancelled =>
  foreignEvent('OrderCancelled', { orderId, reason: 'customer', lines: [{ lineNo: 1, sku, quantity }] }, 5);

const returned = (orderId: string, sku: string, quantity: number, warehouse = 'BER'): ReturnReceived =>
  foreignEvent('ReturnReceived', { orderId, returnId: randomUUID(), lines: [{ lineNo: 1, sku, warehouse, quantity }] });

const ofType = <T extends DomainEvent['eventType']>(events: DomainEvent[], type: T) =>
  events.filter((event) => event.eventType === type) as Extract<DomainEvent, { eventType: T }>[];

describe('inventory consuming ShipmentDispatched and ReturnReceived (real Kafka, registry, Postgres)', () => {
  let inventory: InventoryUnderTest;

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start();
    await inventory.addProducts(['DSP', 'RACE', 'RET', 'RPL']);
  });
  afterAll(() => inventory?.stop());

  const warehouseOf = async (orderId: string) => (await inventory.reservations(orderId))?.lines[0]?.warehouses[0];
  const applied = async (...events: DomainEvent[]) => {
    await inventory.publish(...events);
    const fromOrders = events[0].eventType === 'OrderApproved' || events[0].eventType === 'OrderCancelled';
    await inventory.settle(fromOrders ? 'OrderApproved' : 'ShipmentDispatched');
  };

  it('issues dispatched goods once, and a later cancel never releases them', async () => {
    await inventory.receive('BER', [{ sku: 'DSP', quantity: 10 }]);
    const order = approved('DSP', 4);
    await applied(order);
    const dispatch = dispatched(order.orderId, 'DSP', 3);
    await applied(dispatch, dispatch);

    expect(await inventory.stock('DSP')).toMatchObject({ onHand: 7, reserved: 1, available: 6 });
    expect(await warehouseOf(order.orderId)).toEqual({ warehouse: 'BER', reserved: 4, held: 1, issued: 3, released: 0, returned: 0 });
    expect(ofType(await inventory.caused(dispatch.eventId), 'StockLevelChanged')).toMatchObject([
      { sku: 'DSP', warehouse: 'BER', onHand: 7, reserved: 1, reason: 'issue' },
    ]);

    const cancel = cancelled(order.orderId, 'DSP', 1);
    await applied(cancel);
    expect(ofType(await inventory.caused(cancel.eventId), 'StockReleased')).toMatchObject([
      { reason: 'cancelled', allocations: [{ warehouse: 'BER', quantity: 1 }] },
    ]);
    expect(await inventory.stock('DSP')).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await warehouseOf(order.orderId)).toMatchObject({ reserved: 3, held: 0, issued: 3, released: 1 });
  });

  it('still takes on hand down for a dispatch racing a cancel, and backorders the reservation it leaves uncovered', async () => {
    await inventory.receive('BER', [{ sku: 'RACE', quantity: 3 }]);
    const late = approved('RACE', 2);
    await applied(late, cancelled(late.orderId, 'RACE', 2));
    const other = approved('RACE', 3);
    await applied(other);
    expect(await inventory.stock('RACE')).toMatchObject({ onHand: 3, reserved: 3 });

    // The goods of the cancelled order had already left when the cancel was applied.
    const dispatch = dispatched(late.orderId, 'RACE', 2);
    await applied(dispatch, dispatch);
    expect(await inventory.stock('RACE')).toMatchObject({ onHand: 1, reserved: 1 });
    expect(await warehouseOf(late.orderId)).toMatchObject({ reserved: 0, issued: 2 });
    expect(await inventory.reservations(other.orderId)).toMatchObject({
      lines: [{ backordered: 2, warehouses: [{ warehouse: 'BER', reserved: 1, held: 1, released: 2 }] }],
    });
    const events = await inventory.caused(dispatch.eventId);
    expect(ofType(events, 'StockReleased')).toMatchObject([
      { orderId: other.orderId, reason: 'shortage', allocations: [{ warehouse: 'BER', quantity: 2 }] },
    ]);
    expect(ofType(events, 'StockBackordered')).toMatchObject([{ orderId: other.orderId, lines: [{ quantity: 2 }] }]);
  });

  it('restocks a return in its warehouse and fills a waiting backorder with it, once', async () => {
    await inventory.receive('BER', [{ sku: 'RET', quantity: 2 }]);
    const shipped = approved('RET', 2);
    await applied(shipped);
    await applied(dispatched(shipped.orderId, 'RET', 2));
    const waiting = approved('RET', 1);
    await applied(waiting);
    expect(await inventory.stock('RET')).toMatchObject({ onHand: 0, reserved: 0 });

    const back = returned(shipped.orderId, 'RET', 2);
    await applied(back, back);
    expect(await inventory.stock('RET')).toMatchObject({ onHand: 2, reserved: 1, available: 1 });
    expect(await warehouseOf(shipped.orderId)).toMatchObject({ issued: 2, returned: 2 });
    expect(await inventory.reservations(waiting.orderId)).toMatchObject({ lines: [{ backordered: 0, warehouses: [{ reserved: 1 }] }] });
    const events = await inventory.caused(back.eventId);
    expect(ofType(events, 'StockLevelChanged')).toMatchObject([{ sku: 'RET', onHand: 2, reserved: 1, reason: 'return' }]);
    expect(ofType(events, 'StockReserved')).toMatchObject([{ orderId: waiting.orderId }]);
  });

  it('requests replenishment once when available falls below the reorder point', async () => {
    await inventory.receive('HAM', [{ sku: 'RPL', quantity: 10, reorderPoint: 5 }]);
    expect((await inventory.stock('RPL')).warehouses).toEqual([
      { warehouse: 'HAM', onHand: 10, reserved: 0, available: 10, reorderPoint: 5 },
    ]);
    const first = approved('RPL', 6);
    const second = approved('RPL', 1);
    await applied(first, second);

    expect(ofType(await inventory.caused(first.eventId), 'ReplenishmentRequested')).toMatchObject([
      { sku: 'RPL', warehouse: 'HAM', available: 4, reorderPoint: 5, aggregateId: 'RPL@HAM' },
    ]);
    expect(ofType(await inventory.caused(second.eventId), 'ReplenishmentRequested')).toEqual([]);

    const published = await inventory.published('tradeflow.stock.v1', 'RPL', (types) => types.length >= 4);
    expect(published.map((event) => [event.eventType, event.aggregateVersion])).toEqual([
      ['StockLevelChanged', 1],
      ['StockLevelChanged', 2],
      ['ReplenishmentRequested', 3],
      ['StockLevelChanged', 4],
    ]);
    expect(ofType(published, 'StockLevelChanged').map((event) => [event.reason, event.reserved])).toEqual([
      ['receipt', 0],
      ['reservation', 6],
      ['reservation', 7],
    ]);
  });
});

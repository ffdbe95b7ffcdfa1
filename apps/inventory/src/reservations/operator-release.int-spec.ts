import type { OrderApproved, StockReleased } from '@tradeflow/events';
import { randomUUID } from 'node:crypto';
import type { Reservations } from '../testing/inventory-under-test';
import { foreignEvent, InventoryUnderTest } from '../testing/inventory-under-test';

/** What kcat can do without the broker's ACLs: an approval of an order the order service never had. */
const forgedApproval = (sku: string, quantity: number): OrderApproved =>
  foreignEvent('OrderApproved', { orderId: randomUUID(), customerId: 'C-FORGED', allowPartialShipment: true, lines: [{ lineNo: 1, sku, quantity }] });

interface ReservedOrder {
  orderId: string;
  status: string;
  held: number;
  backordered: number;
}

describe('POST /v1/reservations/{orderId}/release: an operator gives back what a forged order holds (real Kafka, registry, Postgres)', () => {
  let inventory: InventoryUnderTest;
  const forged = forgedApproval('FRG', 3);
  const release = (client: 'ops' | 'warehouse', body: unknown, orderId = forged.orderId) =>
    inventory.call(`/v1/reservations/${orderId}/release`, client, { method: 'POST', body });

  /** Every page of GET /v1/reservations/orders, two orders a page. */
  const reservedOrders = async (): Promise<ReservedOrder[]> => {
    const all: ReservedOrder[] = [];
    let after = '';
    for (;;) {
      const page = (await inventory.call(`/v1/reservations/orders?limit=2${after}`, 'auditor')).body as { items: ReservedOrder[]; nextAfterOrderId: string | null };
      all.push(...page.items);
      if (page.nextAfterOrderId === null) return all;
      after = `&afterOrderId=${page.nextAfterOrderId}`;
    }
  };

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start();
    await inventory.addProducts(['FRG']);
    await inventory.receive('BER', [{ sku: 'FRG', quantity: 5 }]);
    await inventory.publish(forged);
    await inventory.settle('OrderApproved');
  });
  afterAll(() => inventory?.stop());

  it('lists the forged order among the orders inventory holds stock for', async () => {
    expect(await inventory.stock('FRG')).toMatchObject({ onHand: 5, reserved: 3, available: 2 });
    const listed = await reservedOrders();
    expect(listed.map((order) => order.orderId)).toEqual([...listed.map((order) => order.orderId)].sort());
    expect(listed).toContainEqual({ orderId: forged.orderId, status: 'active', held: 3, backordered: 0 });
  });

  it('refuses a warehouse token (403) and an ops token without a reason (400), releasing nothing', async () => {
    expect((await release('warehouse', { reason: 'not an order of ours' })).status).toBe(403);
    expect((await release('ops', {})).status).toBe(400);
    expect((await release('ops', { reason: '  ' })).status).toBe(400);
    expect((await inventory.stock('FRG')).reserved).toBe(3);
  });

  it('releases every reservation of the order with an ops token and a reason, publishes StockReleased and records who and why', async () => {
    const released = await release('ops', { reason: 'reconcile: orphan-effect, the order service has no such order' });
    expect(released.status).toBe(200);
    expect(released.body as Reservations).toMatchObject({
      orderId: forged.orderId,
      status: 'cancelled',
      lines: [{ lineNo: 1, sku: 'FRG', backordered: 0, warehouses: [{ warehouse: 'BER', reserved: 0, held: 0, released: 3 }] }],
    });
    expect(await inventory.stock('FRG')).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect(await reservedOrders()).toContainEqual({ orderId: forged.orderId, status: 'cancelled', held: 0, backordered: 0 });

    const events = await inventory.published('tradeflow.reservations.v1', forged.orderId, (types) => types.includes('StockReleased'));
    expect(events.filter((event): event is StockReleased => event.eventType === 'StockReleased')).toMatchObject([
      { reason: 'operator', allocations: [{ lineNo: 1, sku: 'FRG', warehouse: 'BER', quantity: 3 }], backorders: [] },
    ]);

    const audit = await inventory.call(`/v1/audit?action=release-reservation&targetId=${forged.orderId}`, 'auditor');
    expect(audit.status).toBe(200);
    expect((audit.body as { records: unknown[] }).records).toEqual([
      expect.objectContaining({
        action: 'release-reservation',
        targetId: forged.orderId,
        actorClient: 'ops',
        actorRoles: ['ops'],
        route: 'POST /v1/reservations/:orderId/release',
        reason: 'reconcile: orphan-effect, the order service has no such order',
      }),
    ]);
  });

  it('stays released when the forged approval is delivered again', async () => {
    await inventory.publish(forgedApproval('FRG', 1), { ...forged, eventId: randomUUID() });
    await inventory.settle('OrderApproved');
    expect(await inventory.stock('FRG')).toMatchObject({ reserved: 1, available: 4 });
  });

  it('answers 404 for an order inventory holds nothing for', async () => {
    expect((await release('ops', { reason: 'never heard of it' }, randomUUID())).status).toBe(404);
  });
});

import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { ShippingUnderTest, upstream } from '../testing/shipping-under-test';
import type { ShipmentPageView, ShipmentView } from './dto/shipment-view.dto';

/** GET /v1/shipments without orderId: every shipment, a page at a time (reconciliation reads them so). */
describe('shipping lists every shipment (real Kafka, registry, Postgres)', () => {
  const shipping = new ShippingUnderTest();
  const orders = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    await shipping.start();
    // The first order across two warehouses, the second from one: three shipments.
    await shipping.publish(
      upstream.placed(orders[0], [[1, 'MUG', 3]]),
      upstream.reserved(orders[0], [
        [1, 'MUG', 'BER', 2],
        [1, 'MUG', 'HAM', 1],
      ]),
      upstream.placed(orders[1], [[1, 'TEA', 1]]),
      upstream.reserved(orders[1], [[1, 'TEA', 'BER', 1]]),
    );
    await eventually(
      async () => (await shipping.call<ShipmentPageView>('GET', '/v1/shipments')).body.items,
      (items) => items.length === 3,
    );
  });
  afterAll(() => shipping.stop());

  it('pages through every shipment in id order, as each order lists them', async () => {
    const first = await shipping.call<ShipmentPageView>('GET', '/v1/shipments?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextAfterId).toBe(first.body.items[1].id);
    const second = await shipping.call<ShipmentPageView>('GET', `/v1/shipments?limit=2&afterId=${first.body.nextAfterId}`);
    expect(second.body).toEqual({ items: [expect.any(Object)], nextAfterId: null });

    const all = [...first.body.items, ...second.body.items];
    expect(all.map((shipment) => shipment.id)).toEqual(all.map((shipment) => shipment.id).sort());
    const perOrder = (await Promise.all(orders.map((orderId) => shipping.shipmentsOf(orderId)))).flat();
    // Labels arrive meanwhile, so compare what does not change.
    const fixed = (shipments: ShipmentView[]) =>
      shipments.map(({ id, orderId, warehouse, lines }) => ({ id, orderId, warehouse, lines })).sort((a, b) => a.id.localeCompare(b.id));
    expect(fixed(all)).toEqual(fixed(perOrder));
  });

  it('refuses a bad page or paging mixed with an orderId', async () => {
    expect((await shipping.call('GET', '/v1/shipments?limit=501')).status).toBe(400);
    expect((await shipping.call('GET', '/v1/shipments?afterId=x')).status).toBe(400);
    const mixed = await shipping.call<{ message: string }>('GET', `/v1/shipments?orderId=${orders[0]}&afterId=${orders[1]}`);
    expect(mixed).toMatchObject({ status: 400, body: { message: expect.stringContaining('not both') } });
  });
});

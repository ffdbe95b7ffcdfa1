import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { OrderUnderTest } from '../testing/order-under-test';

interface StuckPage {
  items: { orderId: string; status: string; reason: string; action: string; since: string; limitSeconds: number; overdueSeconds: number; detail: string }[];
  nextAfterId: string | null;
}

const MUGS = [{ sku: 'MUG', quantity: 2 }];

describe('GET /v1/orders/stuck and tradeflow_orders_stuck (real Kafka, registry, Postgres)', () => {
  let order: OrderUnderTest;

  // Held orders are stuck at once; everything else keeps its default limit, far beyond this suite.
  beforeAll(async () => {
    order = await new OrderUnderTest().start({ ORDER_STUCK_LIMIT_HELD_SECONDS: '0', ORDER_STUCK_COUNT_INTERVAL_SECONDS: '1' });
  });
  afterAll(() => order?.stop());

  const stuck = async (query = '') => (await order.call('GET', `/stuck${query}`, undefined, { as: 'ops' })).body as StuckPage;
  const allStuck = async () => {
    const items: StuckPage['items'] = [];
    let afterId: string | null = null;
    do {
      const page: StuckPage = await stuck(`?limit=2${afterId ? `&afterId=${afterId}` : ''}`);
      items.push(...page.items);
      afterId = page.nextAfterId;
    } while (afterId);
    return items;
  };

  it('lists an order held for credit as stuck, with its reason and the approve action, until it is approved', async () => {
    const customer = `TIGHT-${randomUUID().slice(0, 8)}`;
    await order.upsertCustomer(customer, { creditLimitMinor: 100 });
    await order.customersApplied();
    const held = await order.place(customer, MUGS);
    expect(held).toMatchObject({ status: 'HELD', hold: { reason: 'CREDIT_LIMIT_EXCEEDED' } });

    const found = (await allStuck()).find((item) => item.orderId === held.id);
    expect(found).toEqual({
      orderId: held.id,
      customerId: customer,
      channel: 'int-shop',
      status: 'HELD',
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      limitSeconds: 0,
      overdueSeconds: expect.any(Number),
      reason: 'CREDIT_HOLD',
      detail: expect.stringContaining('held: CREDIT_LIMIT_EXCEEDED'),
      action: 'approve',
    });
    expect(Date.parse(found!.since)).toBeGreaterThanOrEqual(Date.parse(held.timeline[0].at) - 1000);

    const approved = await order.call('POST', `/${held.id}/approve`, { reason: 'limit raised by phone' }, { as: 'credit' });
    expect(approved.body.status).toBe('APPROVED');
    expect((await allStuck()).map((item) => item.orderId)).not.toContain(held.id);
  });

  it('lists an order whose label the carrier refused, naming the shipment to retry', async () => {
    const customer = `LABEL-${randomUUID().slice(0, 8)}`;
    await order.upsertCustomer(customer);
    await order.customersApplied();
    const placed = await order.place(customer, MUGS);
    await order.report('StockReserved', { orderId: placed.id, allocations: [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }] }, placed.id);
    await order.waitFor(placed.id, (view) => view.status === 'RESERVED');
    await order.report('ShipmentLabelFailed', { orderId: placed.id, shipmentId: 'SHP-LABEL-1', reason: 'carrier refused the address', attempts: 3 }, placed.id);

    const listed = await eventually(allStuck, (items) => items.some((item) => item.orderId === placed.id));
    expect(listed.find((item) => item.orderId === placed.id)).toMatchObject({
      status: 'RESERVED',
      reason: 'AWAITING_SHIPMENT',
      action: 'retry-label',
      detail: 'label failed: shipment SHP-LABEL-1: carrier refused the address',
    });
    expect((await order.get(placed.id)).timeline.at(-1)).toMatchObject({ event: 'ShipmentLabelFailed', status: 'RESERVED' });

    await order.report('ShipmentLabelled', { orderId: placed.id, shipmentId: 'SHP-LABEL-1', carrier: 'local', labelNumber: 'L-1', trackingNumber: 'T-1' }, placed.id);
    await eventually(allStuck, (items) => !items.some((item) => item.orderId === placed.id));
  });

  it('shows carrier exceptions on the timeline and the shipment, and lists a lost shipment until it is delivered after all', async () => {
    const customer = `CARRIER-${randomUUID().slice(0, 8)}`;
    await order.upsertCustomer(customer);
    await order.customersApplied();
    const placed = await order.place(customer, MUGS);
    const shipmentId = randomUUID();
    const trackingNumber = 'TRK-LOST-1';
    await order.report('StockReserved', { orderId: placed.id, allocations: [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }] }, placed.id);
    await order.report('ShipmentDispatched', { orderId: placed.id, shipmentId, warehouse: 'BER', trackingNumber, lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] }, placed.id);
    const exception = (kind: string, attempt: number, detail: string | null) =>
      order.report('ShipmentException', { orderId: placed.id, shipmentId, trackingNumber, kind, attempt, detail }, placed.id);

    // A failed attempt is shown, but the carrier tries again: nothing for an operator yet.
    await exception('FAILED_ATTEMPT', 1, 'nobody at home');
    const attempted = await order.waitFor(placed.id, (view) => view.shipments[0]?.deliveryAttempts === 1);
    expect(attempted.status).toBe('SHIPPED');
    expect(attempted.timeline.at(-1)).toMatchObject({
      event: 'ShipmentException',
      status: 'SHIPPED',
      detail: `shipment ${shipmentId}: delivery attempt 1 failed: nobody at home`,
    });
    expect((await allStuck()).map((item) => item.orderId)).not.toContain(placed.id);

    await exception('LOST', 1, null);
    const lost = await order.waitFor(placed.id, (view) => view.shipments[0]?.exception === 'LOST');
    expect(lost.status).toBe('SHIPPED');
    expect(lost.shipments[0]).toMatchObject({ shipmentId, deliveryAttempts: 1, exception: 'LOST', exceptionDetail: null, deliveredAt: null });
    expect(lost.timeline.at(-1)).toMatchObject({ event: 'ShipmentException', status: 'SHIPPED', detail: `shipment ${shipmentId} lost (tracking ${trackingNumber})` });
    const listed = await eventually(allStuck, (items) => items.some((item) => item.orderId === placed.id));
    expect(listed.find((item) => item.orderId === placed.id)).toMatchObject({
      status: 'SHIPPED',
      reason: 'SHIPMENT_EXCEPTION',
      detail: `carrier exception: shipment ${shipmentId} LOST`,
      limitSeconds: 0,
    });

    // The parcel turns up: delivered, no longer stuck; the timeline keeps that it was lost.
    await order.report('ShipmentDelivered', { orderId: placed.id, shipmentId, trackingNumber }, placed.id);
    const delivered = await order.waitFor(placed.id, (view) => view.status === 'DELIVERED');
    expect(delivered.shipments[0]).toMatchObject({ exception: null, deliveredAt: expect.any(String) });
    expect(delivered.timeline.map((entry: { event: string }) => entry.event).slice(-3)).toEqual(['ShipmentException', 'ShipmentException', 'ShipmentDelivered']);
    expect((await allStuck()).map((item) => item.orderId)).not.toContain(placed.id);
  });

  it('keeps an order with a damaged shipment on the list when the carrier returns it, with what the carrier said', async () => {
    const customer = `DAMAGE-${randomUUID().slice(0, 8)}`;
    await order.upsertCustomer(customer);
    await order.customersApplied();
    const placed = await order.place(customer, MUGS);
    const shipmentId = randomUUID();
    const trackingNumber = 'TRK-DAMAGED-1';
    await order.report('StockReserved', { orderId: placed.id, allocations: [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }] }, placed.id);
    await order.report('ShipmentDispatched', { orderId: placed.id, shipmentId, warehouse: 'BER', trackingNumber, lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] }, placed.id);
    const exception = (kind: string, detail: string) =>
      order.report('ShipmentException', { orderId: placed.id, shipmentId, trackingNumber, kind, attempt: 0, detail }, placed.id);

    await exception('DAMAGED', 'crushed in the depot');
    const damaged = await eventually(allStuck, (items) => items.some((item) => item.orderId === placed.id));
    expect(damaged.find((item) => item.orderId === placed.id)).toMatchObject({
      status: 'SHIPPED',
      reason: 'SHIPMENT_EXCEPTION',
      detail: `carrier exception: shipment ${shipmentId} DAMAGED (crushed in the depot)`,
    });

    await exception('RETURNED_TO_SENDER', 'back at BER');
    const returned = await order.waitFor(placed.id, (view) => view.shipments[0]?.exception === 'RETURNED_TO_SENDER');
    expect(returned).toMatchObject({ status: 'SHIPPED', shipments: [{ exception: 'RETURNED_TO_SENDER', exceptionDetail: 'back at BER', deliveredAt: null }] });
    expect(returned.timeline.slice(-2).map((entry: { detail: string }) => entry.detail)).toEqual([
      `shipment ${shipmentId} damaged (tracking ${trackingNumber}): crushed in the depot`,
      `shipment ${shipmentId} returned to sender (tracking ${trackingNumber}): back at BER`,
    ]);
    expect((await allStuck()).find((item) => item.orderId === placed.id)).toMatchObject({
      reason: 'SHIPMENT_EXCEPTION',
      detail: `carrier exception: shipment ${shipmentId} RETURNED_TO_SENDER (back at BER)`,
    });
  });

  it('counts stuck orders by status and reason in the metric, every known pair from the start', async () => {
    // Counted every second here (ORDER_STUCK_COUNT_INTERVAL_SECONDS).
    const series = (status: string, reason: string, value: string) =>
      new RegExp(`tradeflow_orders_stuck\\{[^}]*status="${status}",reason="${reason}"[^}]*\\} ${value}\\b`);
    await order.place(`NOBODY-${randomUUID().slice(0, 8)}`, MUGS);
    const text = await eventually(
      async () => (await fetch(order.service.metricsUrl)).text(),
      (body) => series('HELD', 'UNKNOWN_CUSTOMER', '[1-9]\\d*').test(body),
    );
    expect(text).toMatch(series('SHIPPED', 'AWAITING_DELIVERY', '0'));
    expect(text).toMatch(series('SHIPPED', 'SHIPMENT_EXCEPTION', '\\d+'));
    expect(text).toMatch(series('DELIVERED', 'AWAITING_PAYMENT', '0'));
  });

  it('refuses a caller without a people role (403) or a credential (401, also a channel key), and a bad page (400)', async () => {
    expect((await order.call('GET', '/stuck', undefined, { as: 'nobody' })).status).toBe(403);
    expect((await order.call('GET', '/stuck')).status).toBe(401);
    for (const query of ['?limit=0', '?limit=501', '?afterId=nope']) expect([query, (await order.call('GET', `/stuck${query}`, undefined, { as: 'ops' })).status]).toEqual([query, 400]);
    expect((await order.call('GET', '/stuck', undefined, { key: null })).status).toBe(401);
  });
});

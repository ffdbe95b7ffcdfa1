import { eventually, publishedProduct } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { OrderUnderTest } from '../testing/order-under-test';

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

describe('products: only ACTIVE products may be ordered (real Kafka, registry, Postgres)', () => {
  let order: OrderUnderTest;
  const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    order = await new OrderUnderTest().start({ ORDER_STUCK_COUNT_INTERVAL_SECONDS: '1' });
  });
  afterAll(() => order?.stop());

  const placement = (customerId: string, skus: string[]) => ({
    customerId,
    currency: 'EUR',
    shippingAddress: ADDRESS,
    lines: skus.map((sku) => ({ sku, quantity: 2, unitPriceMinor: 500, taxRateBp: 1900 })),
  });
  /** What the placement left behind: orders and outbox rows that name the customer. */
  const traces = async (customerId: string) => {
    const [orders] = await order.query<{ count: string }>(`SELECT count(*) FROM orders WHERE customer_id = $1`, [customerId]);
    const [events] = await order.query<{ count: string }>(`SELECT count(*) FROM outbox WHERE event::text LIKE '%' || $1 || '%'`, [customerId]);
    return { orders: Number(orders.count), events: Number(events.count) };
  };
  /** A product record as inventory publishes it. */
  const record = (sku: string) => publishedProduct(sku);
  const product = (sku: string, as: { key?: string | null; as?: 'ops' | 'auditor' | 'nobody' } = { as: 'ops' }) =>
    order.call('GET', `/v1/products/${sku}`, undefined, { root: true, ...as });

  it('refuses a line of an unknown sku with 422 naming it; nothing is stored and the key stays free', async () => {
    const customer = unique('NOSKU');
    const mug = unique('MUG');
    await order.products([mug]);
    const idempotencyKey = randomUUID();

    const refused = await order.call('POST', '', placement(customer, [mug, 'NO-SUCH-SKU']), { idempotencyKey });
    expect(refused).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'line 2: sku NO-SUCH-SKU is not in the product catalogue',
        lines: [{ lineNo: 2, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' }],
      },
    });
    expect(await traces(customer)).toEqual({ orders: 0, events: 0 });

    // A refused request used nothing up: the same key places the corrected order.
    const corrected = await order.call('POST', '', placement(customer, [mug]), { idempotencyKey });
    expect(corrected).toMatchObject({ status: 201, body: { customerId: customer, lines: [{ lineNo: 1, sku: mug }] } });
  });

  it('refuses lines of discontinued and blocked products with their reasons, every bad line listed', async () => {
    const [mug, teapot, lamp] = [unique('MUG'), unique('TEAPOT'), unique('LAMP')];
    await order.products([mug]);
    await order.products([teapot], { status: 'DISCONTINUED', version: 3, reason: 'end of line' });
    await order.products([lamp], { status: 'BLOCKED', version: 2, reason: 'recall' });
    expect((await product(teapot)).body).toEqual({ sku: teapot, name: `Product ${teapot}`, status: 'DISCONTINUED', version: 3 });

    const customer = unique('WITHDRAWN');
    const refused = await order.call('POST', '', placement(customer, [mug, teapot, 'NO-SUCH-SKU', lamp]));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      message: `line 2: sku ${teapot} is discontinued; 2 more lines refused`,
      lines: [
        { lineNo: 2, sku: teapot, reason: 'DISCONTINUED' },
        { lineNo: 3, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' },
        { lineNo: 4, sku: lamp, reason: 'BLOCKED' },
      ],
    });
    expect((await order.call('POST', '', placement(customer, [lamp]))).body).toMatchObject({
      message: `line 1: sku ${lamp} is blocked`,
      lines: [{ lineNo: 1, sku: lamp, reason: 'BLOCKED' }],
    });
    expect(await traces(customer)).toEqual({ orders: 0, events: 0 });
  });

  it('refuses an amendment adding a line of an unknown sku (422); the order stays as it was', async () => {
    const customer = unique('AMEND');
    await order.upsertCustomer(customer);
    await order.customersApplied();
    const placed = await order.place(customer, [{ sku: 'MUG', quantity: 1 }]);
    const before = await order.waitFor(placed.id, (view) => view.status === 'APPROVED');

    const refused = await order.call('PATCH', `/${placed.id}`, { lines: [{ lineNo: 1, quantity: 3 }, { sku: 'NO-SUCH-SKU', quantity: 1, unitPriceMinor: 100, taxRateBp: 700 }] });
    expect(refused).toMatchObject({
      status: 422,
      body: { message: 'line 2: sku NO-SUCH-SKU is not in the product catalogue', lines: [{ lineNo: 2, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' }] },
    });
    expect(await order.get(placed.id)).toEqual(before);
    const events = await order.publishedFor(placed.id, (types) => types.includes('OrderApproved'));
    expect(events.map((event) => event.eventType)).not.toContain('OrderAmended');
  });

  it('ignores a stale ProductUpserted: a discontinued product is not made orderable again by an older version', async () => {
    const teapot = unique('TEAPOT');
    await order.products([teapot], { version: 4 });
    await order.products([teapot], { status: 'DISCONTINUED', version: 5, reason: 'end of line' });
    // Version 4 again, as a replayed record would bring it; the next product on the one partition shows it was read.
    await order.report('ProductUpserted', { ...record(teapot), version: 4 }, teapot);
    await order.products([unique('MARK')]);

    expect((await product(teapot)).body).toMatchObject({ status: 'DISCONTINUED', version: 5 });
    const refused = await order.call('POST', '', placement(unique('STALE'), [teapot]));
    expect(refused.body).toMatchObject({ statusCode: 422, lines: [{ lineNo: 1, sku: teapot, reason: 'DISCONTINUED' }] });
  });

  it('lists an order backordered for a product that is then discontinued as stuck with PRODUCT_DISCONTINUED, naming the sku', async () => {
    const customer = unique('WAITING');
    const kettle = unique('KETTLE');
    await order.upsertCustomer(customer);
    await order.customersApplied();
    const placed = await order.place(customer, [{ sku: kettle, quantity: 2 }]);
    await order.waitFor(placed.id, (view) => view.status === 'APPROVED');
    await order.report('StockBackordered', { orderId: placed.id, lines: [{ lineNo: 1, sku: kettle, quantity: 2 }] }, placed.id);
    await order.waitFor(placed.id, (view) => view.status === 'BACKORDERED');

    await order.products([kettle], { status: 'DISCONTINUED', version: 2, reason: 'supplier stopped making it' });
    const stuck = await eventually(
      async () => (await order.call('GET', '/stuck?limit=500', undefined, { as: 'ops' })).body.items as { orderId: string }[],
      (items) => items.some((item) => item.orderId === placed.id),
    );
    expect(stuck.find((item) => item.orderId === placed.id)).toEqual({
      orderId: placed.id,
      customerId: customer,
      channel: 'int-shop',
      status: 'BACKORDERED',
      since: expect.any(String),
      limitSeconds: 0,
      overdueSeconds: expect.any(Number),
      reason: 'PRODUCT_DISCONTINUED',
      detail: `waits for a product withdrawn from the product master: ${kettle} (DISCONTINUED)`,
      action: 'amend-order',
    });
    const series = /tradeflow_orders_stuck\{[^}]*status="BACKORDERED",reason="PRODUCT_DISCONTINUED"[^}]*\} [1-9]/;
    await eventually(() => order.metrics(), (text) => series.test(text));

    // Removing the line it waits for is what moves it on.
    await order.products(['MUG']);
    const amended = await order.call('PATCH', `/${placed.id}`, { lines: [{ lineNo: 1, quantity: 0 }, { sku: 'MUG', quantity: 1, unitPriceMinor: 500, taxRateBp: 1900 }] });
    expect(amended.status).toBe(200);
    const after = (await order.call('GET', '/stuck?limit=500', undefined, { as: 'ops' })).body.items as { orderId: string }[];
    expect(after.map((item) => item.orderId)).not.toContain(placed.id);
  });

  it('shows a product to staff and to channel keys with orders:read; 404 for an unknown sku', async () => {
    const mug = unique('MUG');
    await order.products([mug], { version: 7, name: 'Red mug' });
    const view = { sku: mug, name: 'Red mug', status: 'ACTIVE', version: 7 };
    expect(await product(mug)).toEqual({ status: 200, body: view });
    expect(await product(mug, { as: 'auditor' })).toEqual({ status: 200, body: view });
    expect(await product(mug, { key: undefined })).toEqual({ status: 200, body: view });
    expect((await product(mug, { as: 'nobody' })).status).toBe(403);
    expect((await product(mug, { key: null })).status).toBe(401);
    expect(await product('NO-SUCH-SKU')).toMatchObject({ status: 404, body: { message: 'Product NO-SUCH-SKU is not known to the order service' } });
    expect((await product('bad%20sku')).status).toBe(400);
  });
});

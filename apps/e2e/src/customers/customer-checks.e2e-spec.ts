import { devAuthorization, eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice } from '../slice';
import { API_KEY, APPROVER_KEY, call, startSlice } from '../slice';

/** docs/design.md#customer-checks and docs/design.md#crm-sync across the real services: customer checks, holds, credit, merges, CRM activity. */
describe('customers: checks, holds, credit limits, merges and CRM activity', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const customer = () => `C-${randomUUID().slice(0, 8)}`;
  const crm = (path: string) => `${slice['crm-sync'].url}${path}`;

  beforeAll(async () => {
    slice = await startSlice();
    tradeflow = new TradeflowClient(slice);
    await tradeflow.loadProducts('CRM-MUG');
    await tradeflow.receiveStock('BER', [{ sku: 'CRM-MUG', quantity: 1000 }]);
  });
  afterAll(() => slice?.stop());

  const holdOf = async (orderId: string) => (await tradeflow.order(orderId)).hold;

  it('holds an order for a customer it does not know, and lets it proceed when the CRM sends the customer', async () => {
    const id = customer();
    const orderId = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 1 }], { customerId: id });
    expect(await holdOf(orderId)).toMatchObject({ reason: 'UNKNOWN_CUSTOMER' });
    await tradeflow.waitForOrder(orderId, 'HELD');

    await tradeflow.registerCustomer(id);
    const approved = await tradeflow.waitForOrder(orderId, 'RESERVED');
    expect(approved.timeline.map((entry: { event: string }) => entry.event)).toEqual(
      expect.arrayContaining(['OrderPlaced', 'OrderHeld', 'OrderApproved', 'StockReserved']),
    );
  });

  it('holds new orders while the account is on hold and releases them with the hold', async () => {
    const id = customer();
    await tradeflow.registerCustomer(id);
    expect((await callAs('credit', 'POST', crm(`/v1/customers/${id}/hold`), { reason: 'unpaid since March' })).status).toBe(200);
    await eventually(
      () => tradeflow.customerAccount(id),
      (account) => account?.onHold === true,
    );
    const orderId = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 1 }], { customerId: id });
    expect(await holdOf(orderId)).toMatchObject({ reason: 'ACCOUNT_HOLD' });

    expect((await callAs('credit', 'POST', crm(`/v1/customers/${id}/release`), { reason: 'paid' })).status).toBe(200);
    await tradeflow.waitForOrder(orderId, 'RESERVED');
  });

  it('holds an order beyond the credit limit until a payment frees room; credit control or a back-office key may approve by hand', async () => {
    const id = customer();
    await tradeflow.registerCustomer(id, { creditLimitMinor: 15_000 });
    // 10 × 10.00 + 19 % = 119.00 of the 150.00 limit.
    const first = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 10 }], { customerId: id });
    await tradeflow.shipEverything(first, 1);
    const [invoice] = await tradeflow.waitForInvoices(first, 1);
    const second = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 5 }], { customerId: id });
    await eventually(
      () => holdOf(second),
      (hold) => hold?.reason === 'CREDIT_LIMIT_EXCEEDED',
    );

    expect((await tradeflow.pay(invoice.id, invoice.totalMinor)).status).toBe(201);
    await tradeflow.waitForOrder(second, 'RESERVED');

    const third = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 20 }], { customerId: id });
    await tradeflow.waitForOrder(third, 'HELD');
    const approve = (key: string) =>
      call('POST', `${slice.order.url}/v1/orders/${third}/approve`, { reason: 'credit checked by phone' }, { 'x-api-key': key, 'idempotency-key': randomUUID() });
    expect((await approve(API_KEY)).status).toBe(403);
    expect((await approve(APPROVER_KEY)).status).toBe(200);
    await tradeflow.waitForOrder(third, 'RESERVED');

    // A person of credit control approves with a token, and must say why.
    const fourth = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 20 }], { customerId: id });
    await tradeflow.waitForOrder(fourth, 'HELD');
    const approveUrl = `${slice.order.url}/v1/orders/${fourth}/approve`;
    const byPerson = async (body: unknown) =>
      call('POST', approveUrl, body, { ...(await devAuthorization('credit')), 'idempotency-key': randomUUID() });
    expect((await byPerson({})).status).toBe(400);
    expect((await byPerson({ reason: 'limit raised by the board' })).status).toBe(200);
    await tradeflow.waitForOrder(fourth, 'RESERVED');
  });

  it('refuses an amendment past the credit limit of a reserved order; reducing or cancelling an order lets held ones go on', async () => {
    const id = customer();
    await tradeflow.registerCustomer(id, { creditLimitMinor: 15_000 });
    // 10 × 11.90 = 119.00 of the 150.00 limit, reserved.
    const first = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 10 }], { customerId: id });
    await tradeflow.waitForOrder(first, 'RESERVED');
    const second = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 5 }], { customerId: id });
    expect(await holdOf(second)).toMatchObject({ reason: 'CREDIT_LIMIT_EXCEEDED' });

    // 13 mugs = 154.70 alone: refused, the order and its reservation stay as they were.
    const raised = await tradeflow.amend(first, [{ lineNo: 1, quantity: 13 }]);
    expect(raised.status).toBe(409);
    expect(raised.body.message).toContain('exceeds the credit limit of 15000 EUR');
    const unchanged = await tradeflow.order(first);
    expect(unchanged).toMatchObject({ status: 'RESERVED', lines: [{ ordered: 10, reserved: 10 }] });
    expect(await tradeflow.customerAccount(id)).toMatchObject({ openOrdersMinor: 11_900 });

    // 7 mugs (83.30) leave room for the held 59.50: it is approved by itself and reserved.
    expect((await tradeflow.amend(first, [{ lineNo: 1, quantity: 7 }])).status).toBe(200);
    await tradeflow.waitForOrder(second, 'RESERVED');

    const third = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 2 }], { customerId: id });
    expect(await holdOf(third)).toMatchObject({ reason: 'CREDIT_LIMIT_EXCEEDED' });
    expect((await tradeflow.cancel(first)).status).toBe(200);
    const approved = await tradeflow.waitForOrder(third, 'RESERVED');
    expect(approved.timeline.map((entry: { detail: string }) => entry.detail)).toContainEqual(
      `customer checks passed after cancellation of order ${first} (was held: CREDIT_LIMIT_EXCEEDED)`,
    );
  });

  it('detects duplicates, merges them, and shows the merged customer’s orders and activity under the survivor', async () => {
    const [survivor, duplicate] = [customer(), customer()];
    const email = `${survivor}@example.com`;
    await tradeflow.registerCustomer(survivor, { email });
    await tradeflow.registerCustomer(duplicate, { email: `  ${email.toUpperCase()} ` });
    const duplicates = await eventually(
      async () => (await callAs('credit', 'GET', crm('/v1/customers/duplicates'))).body as { customerId: string; duplicateOfCustomerId: string }[],
      (found) => found.some((pair) => [pair.customerId, pair.duplicateOfCustomerId].sort().join() === [survivor, duplicate].sort().join()),
    );
    expect(duplicates.length).toBeGreaterThan(0);
    const orderId = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 1 }], { customerId: duplicate });

    const merge = { mergedCustomerId: duplicate, reason: 'one company, two CRM records' };
    expect((await callAs('credit', 'POST', crm(`/v1/customers/${survivor}/merge`), merge)).status).toBe(200);
    expect((await callAs('credit', 'GET', crm(`/v1/customers/${duplicate}`))).body).toMatchObject({ customerId: survivor });
    const listed = await eventually(
      async () => (await call('GET', `${slice.order.url}/v1/orders?customerId=${survivor}`, undefined, { 'x-api-key': API_KEY })).body,
      (page) => page?.items?.some((order: { id: string }) => order.id === orderId),
    );
    expect(listed.items.map((order: { id: string }) => order.id)).toContain(orderId);
    await eventually(
      async () => (await callAs('credit', 'GET', crm(`/v1/crm/activities?customerId=${survivor}`))).body as { type: string }[],
      (activities) => activities.some((activity) => activity.type === 'OrderPlaced'),
    );
  });

  it('refuses a webhook with a bad signature, a stale timestamp or a malformed body, storing nothing', async () => {
    const id = customer();
    const body = { customerId: id, name: 'Mallory', email: null, taxId: null, status: 'ACTIVE', creditLimitMinor: null, currency: 'EUR', paymentTermsDays: 30, updatedAt: new Date().toISOString() };
    expect((await tradeflow.crmWebhook(body, { secret: 'not-the-shared-secret-0123456789abcdef' })).status).toBe(401);
    expect((await tradeflow.crmWebhook(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const malformed = await tradeflow.crmWebhook({ ...body, creditLimitMinor: 'lots' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/creditLimitMinor/);
    expect((await callAs('credit', 'GET', crm(`/v1/customers/${id}`))).status).toBe(404);
  });

  it('shows a completed order in the CRM as placed, shipped, invoiced and paid, with lifetime revenue = invoiced total', async () => {
    const id = customer();
    await tradeflow.registerCustomer(id);
    const orderId = await tradeflow.placeOrder([{ sku: 'CRM-MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 }], { customerId: id });
    await tradeflow.shipEverything(orderId, 1);
    const [invoice] = await tradeflow.waitForInvoices(orderId, 1);
    await tradeflow.pay(invoice.id, invoice.totalMinor);
    await tradeflow.waitForOrder(orderId, 'COMPLETED');

    const activities = await eventually(
      async () => (await callAs('auditor', 'GET', crm(`/v1/crm/activities?customerId=${id}`))).body as { type: string }[],
      (found) => ['OrderPlaced', 'ShipmentDispatched', 'InvoiceIssued', 'PaymentReceived', 'OrderCompleted'].every((type) => found.some((a) => a.type === type)),
    );
    expect(activities.length).toBeGreaterThanOrEqual(5);
    expect((await callAs('auditor', 'GET', crm(`/v1/customers/${id}`))).body).toMatchObject({ lifetimeRevenueMinor: invoice.totalMinor, openBalanceMinor: 0 });
  });
});

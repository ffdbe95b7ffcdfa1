import { randomUUID } from 'node:crypto';
import { OrderUnderTest } from '../testing/order-under-test';

// One line of 2 × 500 net at 19%: 1190 with tax.
const TWO_MUGS = [{ sku: 'MUG', quantity: 2 }];
const VALUE = 1190;

const customerId = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const steps = (view: { timeline: { event: string; status: string }[] }) => view.timeline.map((entry) => `${entry.event}:${entry.status}`);

describe('customer checks on new and held orders (real Kafka, registry, Postgres)', () => {
  let order: OrderUnderTest;

  beforeAll(async () => {
    order = await new OrderUnderTest().start();
  });
  afterAll(() => order?.stop());

  it('holds an order for an unknown customer, and approves it by itself when the customer arrives', async () => {
    const customer = customerId('NEW');
    expect((await order.account(customer)).status).toBe(404);
    const placed = await order.place(customer, TWO_MUGS);
    expect(placed.status).toBe('HELD');
    expect(placed.hold).toEqual({
      reason: 'UNKNOWN_CUSTOMER',
      detail: `customer ${customer} is not known yet: no customer record from the CRM`,
      since: expect.any(String),
    });
    expect(steps(placed)).toEqual(['OrderPlaced:PLACED', 'OrderHeld:HELD']);

    await order.upsertCustomer(customer);
    const approved = await order.waitFor(placed.id, (view) => view.status === 'APPROVED');
    expect(approved.hold).toBeNull();
    expect(approved.timeline.at(-1)).toMatchObject({
      event: 'OrderApproved',
      detail: `customer checks passed after CustomerUpserted of ${customer} (was held: UNKNOWN_CUSTOMER)`,
    });

    const events = await order.publishedFor(placed.id, (types) => types.includes('OrderApproved'));
    expect(events.map((event) => [event.eventType, event.aggregateVersion])).toEqual([
      ['OrderPlaced', 1],
      ['OrderHeld', 2],
      ['OrderApproved', 3],
    ]);
    expect(events[1]).toMatchObject({ customerId: customer, reason: 'UNKNOWN_CUSTOMER' });
    // Caused by the customer's event, yet still the order's own correlation: one order, one trace.
    expect(events[2]).toMatchObject({ customerId: customer, correlationId: placed.id, lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] });

    // Known now: the next order is approved at once.
    const next = await order.place(customer, TWO_MUGS);
    expect(next.status).toBe('APPROVED');
    expect(steps(next)).toEqual(['OrderPlaced:PLACED', 'OrderApproved:APPROVED']);
  });

  it('holds new orders while the account is on hold and lets them go, oldest first, when it is released', async () => {
    const customer = customerId('HOLD');
    const waiting = await order.place(customer, TWO_MUGS);
    // A CRM hold as crm-sync announces it: the record with the effective status, then the hold.
    await order.upsertCustomer(customer, { status: 'ON_HOLD' });
    await order.report('AccountHoldPlaced', { customerId: customer, reason: 'The CRM put the account on hold', source: 'crm' }, customer);
    const detail = `account ${customer} is on hold: The CRM put the account on hold`;
    const rechecked = await order.waitFor(waiting.id, (view) => view.hold?.detail === detail);
    expect(rechecked.hold.reason).toBe('ACCOUNT_HOLD');

    const placed = await order.place(customer, TWO_MUGS);
    expect(placed.status).toBe('HELD');
    expect(placed.hold).toMatchObject({ reason: 'ACCOUNT_HOLD' });

    await order.report('AccountHoldReleased', { customerId: customer, reason: 'paid up', source: 'api' }, customer);
    const first = await order.waitFor(waiting.id, (view) => view.status === 'APPROVED');
    const second = await order.waitFor(placed.id, (view) => view.status === 'APPROVED');
    expect(first.timeline.at(-1).detail).toContain(`AccountHoldReleased on ${customer} (paid up)`);
    expect(Date.parse(first.timeline.at(-1).at)).toBeLessThanOrEqual(Date.parse(second.timeline.at(-1).at));

    // A hold placed through the API alone (no new record) holds new orders too.
    await order.report('AccountHoldPlaced', { customerId: customer, reason: 'disputed invoice', source: 'api' }, customer);
    await order.customersApplied();
    const held = await order.place(customer, TWO_MUGS);
    expect(held.hold).toMatchObject({ reason: 'ACCOUNT_HOLD', detail: `account ${customer} is on hold: disputed invoice` });
  });

  it('holds orders beyond the credit limit; a payment or a credit note frees room for the oldest held orders', async () => {
    const customer = customerId('CREDIT');
    await order.upsertCustomer(customer, { creditLimitMinor: 2 * VALUE });
    await order.customersApplied();

    const first = await order.place(customer, TWO_MUGS);
    const second = await order.place(customer, TWO_MUGS);
    const third = await order.place(customer, TWO_MUGS);
    const fourth = await order.place(customer, TWO_MUGS);
    expect([first, second, third, fourth].map((view) => view.status)).toEqual(['APPROVED', 'APPROVED', 'HELD', 'HELD']);
    expect(third.hold).toMatchObject({
      reason: 'CREDIT_LIMIT_EXCEEDED',
      detail: 'unpaid invoices 0 + open orders 2380 + this order 1190 = 3570 EUR exceeds the credit limit of 2380 EUR (minor units)',
    });

    // Invoicing the first order moves its value from open orders to unpaid invoices: still no room.
    const invoiceId = await invoice(first.id, customer);
    await order.waitFor(first.id, (view) => view.lines[0].invoiced === 2);
    expect((await order.get(third.id)).status).toBe('HELD');

    // The payment frees room for one order: the older one goes on, the younger waits.
    const money = { customerId: customer, currency: 'EUR', invoiceId, orderId: first.id };
    await order.report('PaymentReceived', { ...money, paymentId: randomUUID(), paymentRef: `PAY-${customer}`, amountMinor: VALUE, paidMinor: VALUE, outstandingMinor: 0 }, first.id);
    const approved = await order.waitFor(third.id, (view) => view.status === 'APPROVED');
    expect(approved.timeline.at(-1).detail).toBe(
      `customer checks passed after PaymentReceived PAY-${customer} (was held: CREDIT_LIMIT_EXCEEDED)`,
    );
    const stillHeld = await order.waitFor(fourth.id, (view) => view.hold?.detail.includes('unpaid invoices 0 + open orders 2380'));
    expect(stillHeld.status).toBe('HELD');

    // The second order is invoiced, its goods come back and are credited: the unpaid invoice is gone.
    await invoice(second.id, customer);
    await order.report(
      'CreditNoteIssued',
      {
        creditNoteId: randomUUID(),
        creditNoteNumber: `CN-${customer}`,
        returnId: randomUUID(),
        orderId: second.id,
        customerId: customer,
        currency: 'EUR',
        lines: [{ lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 500, taxRateBp: 1900, netMinor: 1000, taxMinor: 190 }],
        netMinor: 1000,
        taxMinor: 190,
        totalMinor: VALUE,
      },
      second.id,
    );
    const freed = await order.waitFor(fourth.id, (view) => view.status === 'APPROVED');
    expect(freed.timeline.at(-1).detail).toContain(`CreditNoteIssued CN-${customer}`);
    // Unpaid: 1190 + 1190 − 1190 paid − 1190 credited; open: the third and fourth orders.
    expect((await order.account(customer)).body).toMatchObject({
      known: true,
      creditLimitMinor: 2 * VALUE,
      currency: 'EUR',
      unpaidInvoicesMinor: 0,
      openOrdersMinor: 2 * VALUE,
    });
  });

  it('refuses an amendment that raises an approved order past the limit, and leaves the order and the exposure as they were', async () => {
    const customer = customerId('RAISE');
    await order.upsertCustomer(customer, { creditLimitMinor: 3 * VALUE });
    await order.customersApplied();
    const placed = await order.place(customer, TWO_MUGS);
    expect(placed.status).toBe('APPROVED');

    // Up to the limit exactly (2 → 6 mugs, 3570) passes; back to 2 mugs, one more mug beyond it does not.
    const upToLimit = await order.call('PATCH', `/${placed.id}`, { lines: [{ lineNo: 1, quantity: 6 }] });
    expect(upToLimit.status).toBe(200);
    expect((await order.call('PATCH', `/${placed.id}`, { lines: [{ lineNo: 1, quantity: 2 }] })).status).toBe(200);
    const refused = await order.call('PATCH', `/${placed.id}`, { lines: [{ lineNo: 1, quantity: 7 }] });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'the amendment would raise the order from 1190 to 4165 EUR (minor units) and fails the customer checks (CREDIT_LIMIT_EXCEEDED): ' +
        'unpaid invoices 0 + open orders 0 + this order 4165 = 4165 EUR exceeds the credit limit of 3570 EUR (minor units); the order stays as it was',
    );

    const after = await order.get(placed.id);
    expect(after.status).toBe('APPROVED');
    expect(after.lines[0].ordered).toBe(2);
    expect(after.timeline.map((entry: { event: string }) => entry.event)).toEqual(['OrderPlaced', 'OrderApproved', 'OrderAmended', 'OrderAmended']);
    expect((await order.account(customer)).body).toMatchObject({ unpaidInvoicesMinor: 0, openOrdersMinor: VALUE });
  });

  it('approves a held order by itself when an older order is cancelled or amended down and frees room', async () => {
    const customer = customerId('FREED');
    await order.upsertCustomer(customer, { creditLimitMinor: 4 * VALUE });
    await order.customersApplied();
    const big = await order.place(customer, [{ sku: 'MUG', quantity: 7 }]);
    const waiting = await order.place(customer, TWO_MUGS);
    expect([big.status, waiting.status]).toEqual(['APPROVED', 'HELD']);
    expect(waiting.hold).toMatchObject({ reason: 'CREDIT_LIMIT_EXCEEDED' });

    // Reducing the big order from 7 to 6 mugs frees just enough room: the held order is approved in the same transaction.
    const reduced = await order.call('PATCH', `/${big.id}`, { lines: [{ lineNo: 1, quantity: 6 }] });
    expect(reduced.status).toBe(200);
    const approved = await order.get(waiting.id);
    expect(approved.status).toBe('APPROVED');
    expect(approved.timeline.at(-1).detail).toBe(
      `customer checks passed after amendment of order ${big.id} lowered its value (was held: CREDIT_LIMIT_EXCEEDED)`,
    );

    // Full again: a new order waits, until the big one is cancelled.
    const next = await order.place(customer, [{ sku: 'MUG', quantity: 4 }]);
    expect(next.status).toBe('HELD');
    const cancelled = await order.call('POST', `/${big.id}/cancel`, { reason: 'customer changed their mind' });
    expect(cancelled.status).toBe(200);
    const freed = await order.get(next.id);
    expect(freed.status).toBe('APPROVED');
    expect(freed.timeline.at(-1).detail).toBe(`customer checks passed after cancellation of order ${big.id} (was held: CREDIT_LIMIT_EXCEEDED)`);
    expect((await order.account(customer)).body).toMatchObject({ openOrdersMinor: 3 * VALUE });
  });

  it('checks a merged customer’s held order with the survivor’s standing, and lists it under the survivor', async () => {
    const survivor = customerId('SURVIVOR');
    const merged = customerId('MERGED');
    await order.upsertCustomer(survivor);
    const survivorsOrder = await order.place(survivor, TWO_MUGS);
    const mergedsOrder = await order.place(merged, TWO_MUGS);
    expect(mergedsOrder.hold).toMatchObject({ reason: 'UNKNOWN_CUSTOMER' });

    await order.report('CustomerMerged', { customerId: survivor, mergedCustomerId: merged }, survivor);
    const approved = await order.waitFor(mergedsOrder.id, (view) => view.status === 'APPROVED');
    expect(approved.customerId).toBe(merged);
    expect(approved.timeline.at(-1).detail).toContain(`CustomerMerged of ${merged} into ${survivor}`);

    const later = await order.place(merged, TWO_MUGS);
    expect(later.status).toBe('APPROVED');

    expect((await order.account(merged)).body).toMatchObject({ customerId: merged, survivorId: survivor, mergedIds: [merged], known: true });
    for (const asked of [survivor, merged]) {
      const listed = await order.call('GET', `?customerId=${asked}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((view: { id: string }) => view.id).sort()).toEqual([survivorsOrder.id, mergedsOrder.id, later.id].sort());
    }
  });

  it('measures a merged customer’s credit over the survivor and every id merged into it', async () => {
    const survivor = customerId('GROUP');
    const merged = customerId('FOLDED');
    await order.upsertCustomer(merged);
    await order.upsertCustomer(survivor, { creditLimitMinor: VALUE });
    await order.report('CustomerMerged', { customerId: survivor, mergedCustomerId: merged }, survivor);
    await order.customersApplied();

    expect((await order.place(merged, TWO_MUGS)).status).toBe('APPROVED');
    const over = await order.place(survivor, TWO_MUGS);
    expect(over.hold).toMatchObject({ reason: 'CREDIT_LIMIT_EXCEEDED', detail: expect.stringContaining('open orders 1190 + this order 1190') });
  });

  /** InvoiceIssued for the whole order (2 mugs, 1190), as invoicing reports it; answers the invoice id. */
  async function invoice(orderId: string, customer: string): Promise<string> {
    const invoiceId = randomUUID();
    await order.report(
      'InvoiceIssued',
      {
        invoiceId,
        invoiceNumber: `INV-${invoiceId.slice(0, 8)}`,
        shipmentId: randomUUID(),
        orderId,
        customerId: customer,
        currency: 'EUR',
        dueDate: '2030-01-31',
        lines: [{ lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 500, taxRateBp: 1900, netMinor: 1000, taxMinor: 190 }],
        netMinor: 1000,
        taxMinor: 190,
        totalMinor: VALUE,
      },
      orderId,
    );
    return invoiceId;
  }
});

import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingUnderTest, orderPlaced, returnReceived, shipmentDispatched } from '../testing/invoicing-under-test';

// REV-A on the web shop: 10 × 100 at 10% → net 1000, tax 100; 2 returned → credit note 220; 500 paid.
// REV-B on the marketplace: 1 × 500 without tax; 200 paid three days later.
const A_LINE = { sku: 'BOX', quantity: 10, unitPriceMinor: 100, taxRateBp: 1000 };
const B_LINE = { sku: 'PEN', quantity: 1, unitPriceMinor: 500, taxRateBp: 0 };

describe('GET /v1/reports/revenue (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;

  const report = async (query: string) => (await invoicing.call('GET', `/v1/reports/revenue?${query}`)).body.rows;
  const row = (group: string, net: number, tax: number, credited: number, paid: number, outstanding: number) => ({
    group,
    currency: 'EUR',
    netMinor: net,
    taxMinor: tax,
    creditedMinor: credited,
    paidMinor: paid,
    outstandingMinor: outstanding,
  });

  const invoiceOf = async (order: ReturnType<typeof orderPlaced>, line: { sku: string; quantity: number }) => {
    await invoicing.publish(order, shipmentDispatched(order.orderId, [{ lineNo: 1, ...line }]));
    const [invoice] = await eventually(
      async () => (await invoicing.call('GET', `/v1/invoices?orderId=${order.orderId}`)).body,
      (invoices) => invoices.length === 1,
    );
    return invoice;
  };
  const pay = async (invoiceId: string, amountMinor: number, at: string) => {
    const paid = await invoicing.call('POST', '/v1/payments', { paymentRef: randomUUID(), invoiceId, amountMinor, currency: 'EUR' });
    expect(paid.status).toBe(201);
    await invoicing.query(`UPDATE payments SET received_at = $2 WHERE id = $1`, [paid.body.paymentId, at]);
  };

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
    const orderA = orderPlaced([A_LINE], randomUUID(), 'EUR', 'REV-A', 'web-shop');
    const orderB = orderPlaced([B_LINE], randomUUID(), 'EUR', 'REV-B', 'marketplace');
    const invoiceA = await invoiceOf(orderA, { sku: 'BOX', quantity: 10 });
    const invoiceB = await invoiceOf(orderB, { sku: 'PEN', quantity: 1 });
    const returned = returnReceived(orderA.orderId, [{ lineNo: 1, sku: 'BOX', warehouse: 'BER', quantity: 2 }]);
    await invoicing.publish(returned);
    await eventually(
      async () => (await invoicing.call('GET', `/v1/invoices/${invoiceA.id}`)).body,
      (view) => view.creditedMinor === 220,
    );
    // The documents are dated as if issued over four days, so each date rule shows.
    await invoicing.query(`UPDATE invoices SET issued_at = '2026-03-10T12:00:00Z' WHERE id = $1`, [invoiceA.id]);
    await invoicing.query(`UPDATE invoices SET issued_at = '2026-03-09T23:30:00Z' WHERE id = $1`, [invoiceB.id]);
    await invoicing.query(`UPDATE credit_notes SET issued_at = '2026-03-11T09:00:00Z' WHERE order_id = $1`, [orderA.orderId]);
    await pay(invoiceA.id, 500, '2026-03-11T10:00:00Z');
    await pay(invoiceB.id, 200, '2026-03-12T00:10:00Z');
  });
  afterAll(() => invoicing?.stop());

  it('by day: net and tax on the issue day, credits on the credit note day, payments on the receipt day, outstanding at the end of `to`', async () => {
    expect(await report('from=2026-03-09&to=2026-03-12&groupBy=day')).toEqual([
      row('2026-03-09', 500, 0, 0, 0, 300),
      row('2026-03-10', 1000, 100, 0, 0, 380),
      row('2026-03-11', 0, 0, 220, 500, 0),
      row('2026-03-12', 0, 0, 0, 200, 0),
    ]);
    // Ending before REV-B's payment: it still owed all 500 then.
    expect(await report('from=2026-03-09&to=2026-03-11&groupBy=day')).toEqual([
      row('2026-03-09', 500, 0, 0, 0, 500),
      row('2026-03-10', 1000, 100, 0, 0, 380),
      row('2026-03-11', 0, 0, 220, 500, 0),
    ]);
  });

  it('by customer and by channel', async () => {
    expect(await report('from=2026-03-09&to=2026-03-12&groupBy=customer')).toEqual([
      row('REV-A', 1000, 100, 220, 500, 380),
      row('REV-B', 500, 0, 0, 200, 300),
    ]);
    expect(await report('from=2026-03-09&to=2026-03-12&groupBy=channel')).toEqual([
      row('marketplace', 500, 0, 0, 200, 300),
      row('web-shop', 1000, 100, 220, 500, 380),
    ]);
    // REV-B's invoice was issued before this period: only its payment falls in it.
    expect(await report('from=2026-03-10&to=2026-03-12&groupBy=customer')).toEqual([
      row('REV-A', 1000, 100, 220, 500, 380),
      row('REV-B', 0, 0, 0, 200, 0),
    ]);
    expect(await report('from=2026-03-09&to=2026-03-12&groupBy=customer&currency=USD')).toEqual([]);
  });

  it('the same rows as CSV, with Accept: text/csv or format=csv', async () => {
    const csv = 'customer,currency,netMinor,taxMinor,creditedMinor,paidMinor,outstandingMinor\r\nREV-A,EUR,1000,100,220,500,380\r\nREV-B,EUR,500,0,0,200,300\r\n';
    const accepted = await invoicing.fetch('GET', '/v1/reports/revenue?from=2026-03-09&to=2026-03-12&groupBy=customer', {
      as: 'auditor',
      headers: { accept: 'text/csv' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await accepted.text()).toBe(csv);
    const asked = await invoicing.fetch('GET', '/v1/reports/revenue?from=2026-03-09&to=2026-03-12&groupBy=customer&format=csv', { as: 'finance' });
    expect(await asked.text()).toBe(csv);
  });

  it('bad parameters are a 400 naming the field; the warehouse may not read it', async () => {
    const answer = (query: string, as: 'finance' | 'warehouse' = 'finance') => invoicing.call('GET', `/v1/reports/revenue?${query}`, undefined, as);
    expect((await answer('from=2026-03-12&to=2026-03-09&groupBy=day')).body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/^to /) });
    expect((await answer('from=2026-02-30&to=2026-03-09&groupBy=day')).body.message).toMatch(/^from /);
    expect((await answer('from=2025-01-01&to=2026-03-09&groupBy=day')).body.message).toMatch(/^to .*spans 433 days/);
    expect(JSON.stringify((await answer('from=2026-03-01&to=2026-03-09&groupBy=week')).body)).toContain('groupBy must be one of day, customer, channel');
    expect(JSON.stringify((await answer('to=2026-03-09&groupBy=day')).body)).toContain('from must be a date YYYY-MM-DD');
    expect((await answer('from=2026-03-01&to=2026-03-09&groupBy=day', 'warehouse')).status).toBe(403);
  });
});

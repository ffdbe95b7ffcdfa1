import { randomUUID } from 'node:crypto';
import { ofType, InvoicingUnderTest } from '../testing/invoicing-under-test';

describe('POST /v1/payments (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
  });
  afterAll(() => invoicing?.stop());

  const pay = (invoiceId: string, paymentRef: string, amountMinor: number, currency = 'EUR') =>
    invoicing.call('POST', '/v1/payments', { paymentRef, invoiceId, amountMinor, currency });

  it('books a payment in two parts: PaymentReceived twice, InvoicePaid once, then an over-payment shown', async () => {
    const invoice = await invoicing.issueInvoice();
    const [ref1, ref2, ref3] = [randomUUID(), randomUUID(), randomUUID()];

    const first = await pay(invoice.id, ref1, 2000);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ paymentRef: ref1, invoiceId: invoice.id, invoiceNumber: invoice.number, amountMinor: 2000 });
    expect(first.body).toMatchObject({ invoiceStatus: 'PARTIALLY_PAID', totalMinor: 4905, paidMinor: 2000, outstandingMinor: 2905 });

    const second = await pay(invoice.id, ref2, 2905);
    expect(second.body).toMatchObject({ invoiceStatus: 'PAID', paidMinor: 4905, outstandingMinor: 0 });

    const over = await pay(invoice.id, ref3, 100);
    expect(over.status).toBe(201);
    // The excess is owed back to the customer: a credit balance, not a negative amount outstanding.
    expect(over.body).toMatchObject({ invoiceStatus: 'OVERPAID', paidMinor: 5005, outstandingMinor: 0, creditBalanceMinor: 100 });

    const view = (await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body;
    expect(view).toMatchObject({ status: 'OVERPAID', totalMinor: 4905, paidMinor: 5005, creditedMinor: 0, outstandingMinor: 0, creditBalanceMinor: 100 });
    expect(view.paidAt).toEqual(second.body.receivedAt);
    expect(view.payments).toEqual([
      { paymentId: first.body.paymentId, paymentRef: ref1, amountMinor: 2000, currency: 'EUR', receivedAt: first.body.receivedAt },
      { paymentId: second.body.paymentId, paymentRef: ref2, amountMinor: 2905, currency: 'EUR', receivedAt: second.body.receivedAt },
      { paymentId: over.body.paymentId, paymentRef: ref3, amountMinor: 100, currency: 'EUR', receivedAt: over.body.receivedAt },
    ]);

    // Issued, three payments, paid: the over-payment's event comes after any second InvoicePaid would.
    const published = await invoicing.publishedFor(invoice.orderId, 5);
    expect(published.map((event) => event.eventType)).toEqual([
      'InvoiceIssued',
      'PaymentReceived',
      'PaymentReceived',
      'InvoicePaid',
      'PaymentReceived',
    ]);
    const payments = ofType(published, 'PaymentReceived').map(({ paymentRef, amountMinor, paidMinor, outstandingMinor }) => ({
      paymentRef,
      amountMinor,
      paidMinor,
      outstandingMinor,
    }));
    expect(payments).toEqual([
      { paymentRef: ref1, amountMinor: 2000, paidMinor: 2000, outstandingMinor: 2905 },
      { paymentRef: ref2, amountMinor: 2905, paidMinor: 4905, outstandingMinor: 0 },
      { paymentRef: ref3, amountMinor: 100, paidMinor: 5005, outstandingMinor: 0 },
    ]);
    expect(ofType(published, 'InvoicePaid')).toEqual([
      expect.objectContaining({ invoiceId: invoice.id, customerId: 'CUST-1', currency: 'EUR', totalMinor: 4905, paidMinor: 4905 }),
    ]);
    // Payments continue the order's trace and version the invoice.
    expect(published.every((event) => event.correlationId === `order-${invoice.orderId}`)).toBe(true);
    expect(published.map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers a repeated paymentRef with the first answer and refuses it with another body', async () => {
    const invoice = await invoicing.issueInvoice();
    const ref = randomUUID();
    const first = await pay(invoice.id, ref, 1000);
    expect(first.status).toBe(201);

    // The same payment with its fields in another order is the same body.
    const reordered = { currency: 'EUR', amountMinor: 1000, invoiceId: invoice.id, paymentRef: ref };
    const replay = await invoicing.call('POST', '/v1/payments', reordered);
    expect(replay).toEqual(first);

    const conflict = await pay(invoice.id, ref, 1500);
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toContain(ref);

    const view = (await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body;
    expect(view).toMatchObject({ status: 'PARTIALLY_PAID', paidMinor: 1000, outstandingMinor: 3905 });
    expect(view.payments).toHaveLength(1);
  });

  it('refuses an unknown invoice, another currency and amounts that are not positive, booking nothing', async () => {
    const invoice = await invoicing.issueInvoice();

    const unknown = await pay(randomUUID(), randomUUID(), 100);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Invoice .* not found/);

    const dollars = await pay(invoice.id, randomUUID(), 100, 'USD');
    expect(dollars.status).toBe(422);
    expect(dollars.body.message).toBe(`currency USD does not match invoice ${invoice.number}, which is in EUR`);

    for (const amountMinor of [0, -5, 1.5]) {
      const refused = await pay(invoice.id, randomUUID(), amountMinor);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.message)).toContain('amountMinor');
    }

    // A refused paymentRef is not used up: the same reference can book once the request is right.
    const ref = randomUUID();
    expect((await pay(invoice.id, ref, 100, 'USD')).status).toBe(422);
    expect((await pay(invoice.id, ref, 100)).status).toBe(201);
    const view = (await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body;
    expect(view).toMatchObject({ paidMinor: 100, status: 'PARTIALLY_PAID' });
  });
});

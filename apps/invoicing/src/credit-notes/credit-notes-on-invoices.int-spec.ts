import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingUnderTest, ofType, orderPlaced, returnReceived, shipmentDispatched } from '../testing/invoicing-under-test';

// 10 × 10 without tax: an invoice of 100; each unit returned credits 10.
const BOX = { sku: 'BOX', quantity: 10, unitPriceMinor: 10, taxRateBp: 0 };
const PEN = { sku: 'PEN', quantity: 1, unitPriceMinor: 50, taxRateBp: 0 };

describe('credit notes on their invoices (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
  });
  afterAll(() => invoicing?.stop());

  const invoicesOf = async (orderId: string) => (await invoicing.call('GET', `/v1/invoices?orderId=${orderId}`)).body;
  const pay = (invoiceId: string, amountMinor: number) =>
    invoicing.call('POST', '/v1/payments', { paymentRef: randomUUID(), invoiceId, amountMinor, currency: 'EUR' });

  /** Places and dispatches 10 boxes and returns the invoice of 100. */
  const invoiceOf100 = async () => {
    const order = orderPlaced([BOX]);
    await invoicing.publish(order, shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'BOX', quantity: 10 }]));
    const [invoice] = await eventually(() => invoicesOf(order.orderId), (invoices) => invoices.length === 1);
    expect(invoice).toMatchObject({ totalMinor: 100, outstandingMinor: 100, status: 'OPEN' });
    return invoice;
  };

  /** Returns `quantity` boxes and waits until the credit note is on the invoice. */
  const returnBoxes = async (invoice: { id: string; orderId: string }, quantity: number, creditedMinor: number) => {
    const returned = returnReceived(invoice.orderId, [{ lineNo: 1, sku: 'BOX', warehouse: 'BER', quantity }]);
    await invoicing.publish(returned, returned);
    return eventually(
      async () => (await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body,
      (view) => view.creditedMinor === creditedMinor,
    );
  };

  it('invoice 100, credit note 30: 70 outstanding; paying 70 settles it (PAID, InvoicePaid)', async () => {
    const invoice = await invoiceOf100();

    const credited = await returnBoxes(invoice, 3, 30);
    expect(credited).toMatchObject({ status: 'OPEN', totalMinor: 100, paidMinor: 0, creditedMinor: 30, outstandingMinor: 70, creditBalanceMinor: 0, paidAt: null });
    expect(credited.credits).toEqual([{ creditNoteId: expect.any(String), creditNoteNumber: expect.stringMatching(/^CN-/), lineNo: 1, quantity: 3, amountMinor: 30 }]);

    const paid = await pay(invoice.id, 70);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ invoiceStatus: 'PAID', paidMinor: 70, creditedMinor: 30, outstandingMinor: 0, creditBalanceMinor: 0 });
    expect((await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body).toMatchObject({ status: 'PAID', outstandingMinor: 0, paidAt: paid.body.receivedAt });

    const published = await invoicing.publishedFor(invoice.orderId, 4);
    expect(published.map((event) => event.eventType)).toEqual(['InvoiceIssued', 'CreditNoteIssued', 'PaymentReceived', 'InvoicePaid']);
    expect(ofType(published, 'PaymentReceived')[0]).toMatchObject({ amountMinor: 70, paidMinor: 70, outstandingMinor: 0 });
    expect(ofType(published, 'InvoicePaid')[0]).toMatchObject({ invoiceId: invoice.id, totalMinor: 100, paidMinor: 70 });
  });

  it('a credit note after full payment leaves nothing outstanding and owes the credited amount back as a credit balance', async () => {
    const invoice = await invoiceOf100();
    expect((await pay(invoice.id, 100)).body).toMatchObject({ invoiceStatus: 'PAID', outstandingMinor: 0 });

    const credited = await returnBoxes(invoice, 3, 30);
    expect(credited).toMatchObject({ status: 'OVERPAID', paidMinor: 100, creditedMinor: 30, outstandingMinor: 0, creditBalanceMinor: 30 });

    // Paid once: the credit note publishes no second InvoicePaid.
    const published = await invoicing.publishedFor(invoice.orderId, 4);
    expect(published.map((event) => event.eventType)).toEqual(['InvoiceIssued', 'PaymentReceived', 'InvoicePaid', 'CreditNoteIssued']);
  });

  it('an invoice credited in full is settled without a payment: PAID and InvoicePaid with nothing paid', async () => {
    const invoice = await invoiceOf100();

    const credited = await returnBoxes(invoice, 10, 100);
    expect(credited).toMatchObject({ status: 'PAID', paidMinor: 0, creditedMinor: 100, outstandingMinor: 0, creditBalanceMinor: 0 });
    expect(credited.paidAt).not.toBeNull();

    const published = await invoicing.publishedFor(invoice.orderId, 3);
    expect(published.map((event) => event.eventType)).toEqual(['InvoiceIssued', 'CreditNoteIssued', 'InvoicePaid']);
    expect(ofType(published, 'InvoicePaid')[0]).toMatchObject({ totalMinor: 100, paidMinor: 0 });
  });

  it('credits the invoice that billed the returned line, not the other invoice of the order', async () => {
    const order = orderPlaced([BOX, PEN]);
    await invoicing.publish(
      order,
      shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'BOX', quantity: 10 }]),
      shipmentDispatched(order.orderId, [{ lineNo: 2, sku: 'PEN', quantity: 1 }]),
      returnReceived(order.orderId, [{ lineNo: 2, sku: 'PEN', warehouse: 'BER', quantity: 1 }]),
    );
    const [boxes, pen] = await eventually(
      () => invoicesOf(order.orderId),
      (invoices) => invoices.length === 2 && invoices[1].creditedMinor === 50,
    );
    expect(boxes).toMatchObject({ totalMinor: 100, creditedMinor: 0, outstandingMinor: 100, status: 'OPEN', credits: [] });
    expect(pen).toMatchObject({ totalMinor: 50, creditedMinor: 50, outstandingMinor: 0, status: 'PAID' });
  });
});

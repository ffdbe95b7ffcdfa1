import type { DomainEvent } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { customerMerged, customerUpserted, InvoicingUnderTest, ofType, orderPlaced, shipmentDispatched } from '../testing/invoicing-under-test';

const MUG = { sku: 'MUG', quantity: 1, unitPriceMinor: 1000, taxRateBp: 1900 };

/** The calendar day `days` after the day (UTC) the invoice was issued. */
const daysAfter = (issuedAt: string, days: number) => new Date(Date.parse(issuedAt.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);

describe("invoice due dates from the customer's payment terms (real Kafka, registry, Postgres)", () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
  });
  afterAll(() => invoicing?.stop());

  /** Publishes crm-sync's events and waits until invoicing has applied each. */
  const announce = async (...events: DomainEvent[]) => {
    await invoicing.publish(...events);
    await invoicing.applied(...events);
  };

  /** Places and dispatches an order of `customerId` and returns its invoice. */
  const invoiceFor = async (customerId: string) => {
    const order = orderPlaced([MUG], undefined, 'EUR', customerId);
    await invoicing.publish(order, shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'MUG', quantity: 1 }]));
    const [invoice] = await eventually(
      async () => (await invoicing.call('GET', `/v1/invoices?orderId=${order.orderId}`)).body,
      (invoices) => invoices.length === 1,
    );
    return invoice;
  };

  it("makes an invoice due after the customer's 14 days, and the InvoiceIssued says so", async () => {
    await announce(customerUpserted('TERMS-14', 14));
    const invoice = await invoiceFor('TERMS-14');
    expect(invoice.dueDate).toBe(daysAfter(invoice.issuedAt, 14));

    const [issued] = ofType(await invoicing.publishedFor(invoice.orderId, 1), 'InvoiceIssued');
    expect(issued.dueDate).toBe(invoice.dueDate);
  });

  it('gives a customer invoicing has not heard of the default terms (INVOICE_PAYMENT_TERMS_DAYS, 30)', async () => {
    const invoice = await invoiceFor('TERMS-UNKNOWN');
    expect(invoice.dueDate).toBe(daysAfter(invoice.issuedAt, 30));
  });

  it('keeps issued invoices as they are when the terms change; later invoices follow the newest CRM record', async () => {
    const updatedAt = Date.now();
    await announce(customerUpserted('TERMS-CHANGE', 14, updatedAt));
    const first = await invoiceFor('TERMS-CHANGE');

    // Terms go to 45; then a record older than that arrives late and changes nothing.
    await announce(customerUpserted('TERMS-CHANGE', 45, updatedAt + 1000), customerUpserted('TERMS-CHANGE', 7, updatedAt + 500));
    const second = await invoiceFor('TERMS-CHANGE');

    expect(second.dueDate).toBe(daysAfter(second.issuedAt, 45));
    expect((await invoicing.call('GET', `/v1/invoices/${first.id}`)).body.dueDate).toBe(daysAfter(first.issuedAt, 14));
  });

  it("applies the survivor's terms to the orders of a customer merged into it", async () => {
    await announce(customerUpserted('TERMS-SURVIVOR', 60), customerUpserted('TERMS-MERGED', 10));
    await announce(customerMerged('TERMS-SURVIVOR', 'TERMS-MERGED'));

    const invoice = await invoiceFor('TERMS-MERGED');
    expect(invoice.customerId).toBe('TERMS-MERGED');
    expect(invoice.dueDate).toBe(daysAfter(invoice.issuedAt, 60));
  });
});

import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import {
  InvoicingUnderTest,
  orderPlaced,
  productDiscontinued,
  productUpserted,
  returnReceived,
  shipmentDispatched,
} from '../testing/invoicing-under-test';

describe('the tax class on invoice and credit note lines, from the product master (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
  });
  afterAll(() => invoicing?.stop());

  const documentsOf = (kind: 'invoices' | 'credit-notes', orderId: string) =>
    eventually(
      async () => (await invoicing.call('GET', `/v1/${kind}?orderId=${orderId}`)).body,
      (documents) => documents.length === 1,
    );

  it('records each line’s product tax class at issue (null for a product not known yet); the rate stays the order’s', async () => {
    const [book, mug, unknown] = [`BOOK-${randomUUID()}`, `MUG-${randomUUID()}`, `UNKNOWN-${randomUUID()}`];
    const products = [
      productUpserted(book, 1, 'STANDARD'),
      productUpserted(book, 3, 'REDUCED'),
      // Older than what invoicing holds: stale, changes nothing.
      productUpserted(book, 2, 'ZERO'),
      productDiscontinued(mug, 4, 'STANDARD'),
    ];
    await invoicing.publish(...products);
    await invoicing.applied(...products);

    const order = orderPlaced([
      { sku: book, quantity: 2, unitPriceMinor: 1500, taxRateBp: 700 },
      { sku: mug, quantity: 1, unitPriceMinor: 1299, taxRateBp: 1900 },
      { sku: unknown, quantity: 1, unitPriceMinor: 100, taxRateBp: 1900 },
    ]);
    const shipped = [
      { lineNo: 1, sku: book, quantity: 2 },
      { lineNo: 2, sku: mug, quantity: 1 },
      { lineNo: 3, sku: unknown, quantity: 1 },
    ];
    await invoicing.publish(order, shipmentDispatched(order.orderId, shipped));
    const [invoice] = await documentsOf('invoices', order.orderId);
    expect(invoice.lines).toMatchObject([
      { lineNo: 1, sku: book, taxClass: 'REDUCED', taxRateBp: 700 },
      { lineNo: 2, sku: mug, taxClass: 'STANDARD', taxRateBp: 1900 },
      { lineNo: 3, sku: unknown, taxClass: null, taxRateBp: 1900 },
    ]);

    // The product changes after the invoice was issued: the invoice keeps what it was issued with,
    // the credit note for a return issued now records the product as it is now.
    const changed = [productUpserted(book, 5, 'ZERO'), productUpserted(unknown, 1, 'REDUCED')];
    await invoicing.publish(...changed);
    await invoicing.applied(...changed);
    await invoicing.publish(
      returnReceived(order.orderId, [
        { lineNo: 1, sku: book, warehouse: 'BER', quantity: 1 },
        { lineNo: 3, sku: unknown, warehouse: 'BER', quantity: 1 },
      ]),
    );
    const [creditNote] = await documentsOf('credit-notes', order.orderId);
    expect(creditNote.lines).toMatchObject([
      { lineNo: 1, sku: book, taxClass: 'ZERO', taxRateBp: 700 },
      { lineNo: 3, sku: unknown, taxClass: 'REDUCED', taxRateBp: 1900 },
    ]);
    expect((await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body).toEqual(invoice);
  });
});

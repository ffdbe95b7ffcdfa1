import { eventually } from '@tradeflow/testing';
import type { InvoicingHarness } from '../testing/invoicing-harness';
import { orderPlaced, returnReceived, shipmentDispatched, startInvoicing } from '../testing/invoicing-harness';

const MUG = { sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 };

/** GET /v1/invoices and /v1/credit-notes without orderId: every document, a page at a time (reconciliation reads them so). */
describe('invoicing lists every invoice and credit note (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingHarness;
  const orders = [orderPlaced([MUG]), orderPlaced([MUG]), orderPlaced([MUG])];

  beforeAll(async () => {
    invoicing = await startInvoicing();
    for (const order of orders) {
      await invoicing.publish(order, shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'MUG', quantity: 3 }]));
    }
    await invoicing.publish(returnReceived(orders[0].orderId, [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 }]));
    await eventually(
      async () => [(await invoicing.call('GET', '/v1/invoices')).body, (await invoicing.call('GET', '/v1/credit-notes')).body],
      ([invoices, creditNotes]) => invoices.items?.length === 3 && creditNotes.items?.length === 1,
    );
  });
  afterAll(() => invoicing?.close());

  it('pages through every invoice in id order, each as GET /v1/invoices/{id} shows it', async () => {
    const first = await invoicing.call('GET', '/v1/invoices?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextAfterId).toBe(first.body.items[1].id);
    const second = await invoicing.call('GET', `/v1/invoices?limit=2&afterId=${first.body.nextAfterId}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextAfterId).toBeNull();

    const all = [...first.body.items, ...second.body.items];
    expect(all.map((invoice) => invoice.id)).toEqual(all.map((invoice) => invoice.id).sort());
    expect(new Set(all.map((invoice) => invoice.orderId))).toEqual(new Set(orders.map((order) => order.orderId)));
    expect((await invoicing.call('GET', `/v1/invoices/${all[2].id}`)).body).toEqual(all[2]);
  });

  it('pages through credit notes the same way; per order the lists stay plain arrays', async () => {
    const page = await invoicing.call('GET', '/v1/credit-notes?limit=1');
    expect(page.body).toEqual({ items: [expect.objectContaining({ number: 'CN-000001', orderId: orders[0].orderId })], nextAfterId: null });
    expect((await invoicing.call('GET', `/v1/credit-notes?orderId=${orders[0].orderId}`)).body).toEqual(page.body.items);
    expect((await invoicing.call('GET', `/v1/invoices?orderId=${orders[1].orderId}`)).body).toHaveLength(1);
  });

  it('refuses a bad page or paging mixed with an orderId, naming the problem', async () => {
    expect((await invoicing.call('GET', '/v1/invoices?limit=0')).status).toBe(400);
    expect((await invoicing.call('GET', '/v1/credit-notes?afterId=nope')).body.message).toEqual(['afterId must be a UUID']);
    const mixed = await invoicing.call('GET', `/v1/invoices?orderId=${orders[0].orderId}&limit=5`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toContain('not both');
  });
});

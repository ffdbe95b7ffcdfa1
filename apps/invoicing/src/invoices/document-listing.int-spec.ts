import { eventually } from '@tradeflow/testing';
import { orderPlaced, returnReceived, shipmentDispatched, InvoicingUnderTest } from '../testing/invoicing-under-test';

const MUG = { sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 };

/** GET /v1/invoices and /v1/credit-notes without orderId: every document, a page at a time (reconciliation reads them so). */
describe('invoicing lists every invoice and credit note (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;
  // The last order is another customer's, for the customerId filter.
  const orders = [orderPlaced([MUG]), orderPlaced([MUG]), orderPlaced([MUG], undefined, 'EUR', 'CUST-2')];

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
    for (const order of orders) {
      await invoicing.publish(order, shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'MUG', quantity: 3 }]));
    }
    await invoicing.publish(returnReceived(orders[0].orderId, [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 }]));
    await eventually(
      async () => [(await invoicing.call('GET', '/v1/invoices')).body, (await invoicing.call('GET', '/v1/credit-notes')).body],
      ([invoices, creditNotes]) => invoices.items?.length === 3 && creditNotes.items?.length === 1,
    );
  });
  afterAll(() => invoicing?.stop());

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

  it("lists only one customer's invoices with customerId, paged the same way", async () => {
    const first = await invoicing.call('GET', '/v1/invoices?customerId=CUST-1&limit=1');
    expect(first.status).toBe(200);
    const second = await invoicing.call('GET', `/v1/invoices?customerId=CUST-1&limit=1&afterId=${first.body.nextAfterId}`);
    expect(second.body.nextAfterId).toBeNull();
    const ofCustomer = [...first.body.items, ...second.body.items];
    expect(ofCustomer.map((invoice) => invoice.orderId).sort()).toEqual([orders[0].orderId, orders[1].orderId].sort());
    expect(ofCustomer.every((invoice) => invoice.customerId === 'CUST-1')).toBe(true);

    const other = await invoicing.call('GET', '/v1/invoices?customerId=CUST-2');
    expect(other.body).toEqual({ items: [expect.objectContaining({ orderId: orders[2].orderId, customerId: 'CUST-2' })], nextAfterId: null });
    expect((await invoicing.call('GET', '/v1/invoices?customerId=CUST-404')).body).toEqual({ items: [], nextAfterId: null });
  });

  it('refuses a bad customerId, or one mixed with an orderId, naming the problem', async () => {
    expect((await invoicing.call('GET', '/v1/invoices?customerId=no%20spaces')).body.message).toEqual(['customerId must be 1-64 letters, digits, ".", "_" or "-"']);
    const mixed = await invoicing.call('GET', `/v1/invoices?orderId=${orders[0].orderId}&customerId=CUST-1`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toContain('not both');
  });

  it('refuses a bad page or paging mixed with an orderId, naming the problem', async () => {
    expect((await invoicing.call('GET', '/v1/invoices?limit=0')).status).toBe(400);
    expect((await invoicing.call('GET', '/v1/credit-notes?afterId=nope')).body.message).toEqual(['afterId must be a UUID']);
    const mixed = await invoicing.call('GET', `/v1/invoices?orderId=${orders[0].orderId}&limit=5`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toContain('not both');
  });
});

import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DocumentNumbersService } from '../document-numbers/document-numbers.service';
import { ofType, orderAmended, orderPlaced, shipmentDispatched, InvoicingUnderTest } from '../testing/invoicing-under-test';

const MUG = { sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 };
const TEA = { sku: 'TEA', quantity: 1, unitPriceMinor: 250, taxRateBp: 700 };

describe('invoicing consuming ShipmentDispatched (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
  });
  afterAll(() => invoicing?.stop());

  const invoicesOf = async (orderId: string) => (await invoicing.call('GET', `/v1/invoices?orderId=${orderId}`)).body;
  const invoiced = (orderId: string, count = 1) => eventually(() => invoicesOf(orderId), (invoices) => invoices.length >= count);

  it('invoices the dispatched quantities at the order prices, rounding each line tax half up', async () => {
    const order = orderPlaced([MUG, TEA]);
    const dispatch = shipmentDispatched(order.orderId, [
      { lineNo: 1, sku: 'MUG', quantity: 3 },
      { lineNo: 2, sku: 'TEA', quantity: 1 },
    ]);
    await invoicing.publish(order, dispatch);

    const [invoice] = await invoiced(order.orderId);
    // MUG 3 × 1299 = 3897, 19% = 740.43 → 740; TEA 250, 7% = 17.5 → 18
    expect(invoice).toMatchObject({
      orderId: order.orderId,
      shipmentId: dispatch.shipmentId,
      customerId: 'CUST-1',
      currency: 'EUR',
      lines: [
        { lineNo: 1, sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900, netMinor: 3897, taxMinor: 740 },
        { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 250, taxRateBp: 700, netMinor: 250, taxMinor: 18 },
      ],
      netMinor: 4147,
      taxMinor: 758,
      totalMinor: 4905,
      status: 'OPEN',
      paidMinor: 0,
      outstandingMinor: 4905,
      payments: [],
    });
    expect(invoice.number).toMatch(/^INV-\d{6}$/);
    const issueDay = Date.parse(invoice.issuedAt.slice(0, 10));
    expect(invoice.dueDate).toBe(new Date(issueDay + 30 * 86_400_000).toISOString().slice(0, 10));
    expect((await invoicing.call('GET', `/v1/invoices/${invoice.id}`)).body).toEqual(invoice);

    const [issued] = ofType(await invoicing.publishedFor(order.orderId, 1), 'InvoiceIssued');
    expect(issued).toMatchObject({
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      shipmentId: dispatch.shipmentId,
      dueDate: invoice.dueDate,
      netMinor: 4147,
      taxMinor: 758,
      totalMinor: 4905,
      producer: 'invoicing',
      aggregateId: invoice.id,
      correlationId: order.correlationId,
      causationId: dispatch.eventId,
    });
    // The event's lines are the invoice's, but for the tax class, which invoicing keeps to itself.
    expect(invoice.lines).toMatchObject(issued.lines);
  });

  it('keeps a dispatch that arrives before its order and invoices it when the order arrives', async () => {
    const late = orderPlaced([MUG]);
    const early = shipmentDispatched(late.orderId, [{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
    await invoicing.publish(early);
    // A later dispatch on the same partition is applied after the early one.
    const marker = orderPlaced([TEA]);
    await invoicing.publish(marker, shipmentDispatched(marker.orderId, [{ lineNo: 1, sku: 'TEA', quantity: 1 }]));
    await invoiced(marker.orderId);
    expect(await invoicesOf(late.orderId)).toEqual([]);

    await invoicing.publish(late);
    const [invoice] = await invoiced(late.orderId);
    expect(invoice).toMatchObject({ shipmentId: early.shipmentId, netMinor: 2598, taxMinor: 494, totalMinor: 3092 });
    const [issued] = ofType(await invoicing.publishedFor(late.orderId, 1), 'InvoiceIssued');
    expect(issued).toMatchObject({ invoiceId: invoice.id, correlationId: early.correlationId, causationId: late.eventId });
  });

  it('waits for the amendment that adds a dispatched line, then invoices it at the amended price', async () => {
    const order = orderPlaced([MUG]);
    await invoicing.publish(order);
    const dispatch = shipmentDispatched(order.orderId, [{ lineNo: 2, sku: 'CUP', quantity: 1 }]);
    await invoicing.publish(dispatch);
    const marker = orderPlaced([TEA]);
    await invoicing.publish(marker, shipmentDispatched(marker.orderId, [{ lineNo: 1, sku: 'TEA', quantity: 1 }]));
    await invoiced(marker.orderId);
    expect(await invoicesOf(order.orderId)).toEqual([]);

    await invoicing.publish(
      orderAmended(order.orderId, 3, [
        { lineNo: 1, ...MUG },
        { lineNo: 2, sku: 'CUP', quantity: 1, unitPriceMinor: 1000, taxRateBp: 1900 },
      ]),
    );
    const [invoice] = await invoiced(order.orderId);
    expect(invoice).toMatchObject({ lines: [{ lineNo: 2, sku: 'CUP', netMinor: 1000, taxMinor: 190 }], totalMinor: 1190 });
  });

  it('issues one invoice per shipment however often the dispatch is delivered, numbered without gaps', async () => {
    const order = orderPlaced([MUG, TEA]);
    const first = shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'MUG', quantity: 1 }]);
    const republished = shipmentDispatched(order.orderId, first.lines, first.shipmentId);
    const second = shipmentDispatched(order.orderId, [{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
    const third = shipmentDispatched(order.orderId, [{ lineNo: 2, sku: 'TEA', quantity: 1 }]);
    await invoicing.publish(order, first, first, republished, second, third);

    const invoices = await invoiced(order.orderId, 3);
    const shipments = [first.shipmentId, second.shipmentId, third.shipmentId];
    expect(invoices.map((invoice: { shipmentId: string }) => invoice.shipmentId)).toEqual(shipments);
    const sequence = invoices.map((invoice: { number: string }) => Number(invoice.number.slice(4)));
    expect(sequence).toEqual([sequence[0], sequence[0] + 1, sequence[0] + 2]);

    const published = await invoicing.publishedFor(order.orderId, 3);
    expect(ofType(published, 'InvoiceIssued').map((event) => event.shipmentId)).toEqual(shipments);
  });

  it('takes back a number when the issuing transaction rolls back', async () => {
    const dataSource = invoicing.service.app.get(DataSource);
    const numbers = invoicing.service.app.get(DocumentNumbersService);
    const takeAndRollBack = async () => {
      let taken = '';
      await dataSource
        .transaction(async (manager) => {
          taken = await numbers.next(manager, 'invoice');
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      return taken;
    };
    const first = await takeAndRollBack();
    expect(await takeAndRollBack()).toBe(first);
  });

  it('has numbered every invoice of the suite consecutively from INV-000001', async () => {
    const rows: { number: string }[] = await invoicing.service.app.get(DataSource).query(`SELECT number FROM invoices ORDER BY number`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.number)).toEqual(rows.map((_, index) => `INV-${String(index + 1).padStart(6, '0')}`));
  });

  it('documents its API at /docs and answers 404 for an unknown invoice and 400 for a malformed orderId', async () => {
    const paths = Object.keys((await invoicing.call('GET', '/docs-json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/v1/invoices', '/v1/invoices/{id}', '/v1/credit-notes', '/v1/credit-notes/{id}', '/v1/payments']),
    );
    expect((await invoicing.call('GET', `/v1/invoices/${randomUUID()}`)).status).toBe(404);
    const malformed = await invoicing.call('GET', '/v1/invoices?orderId=42');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.message)).toContain('orderId must be a UUID');
  });
});

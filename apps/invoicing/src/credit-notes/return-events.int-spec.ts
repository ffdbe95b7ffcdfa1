import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { ofType, orderPlaced, returnReceived, shipmentDispatched, InvoicingUnderTest } from '../testing/invoicing-under-test';

const MUG = { sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 };
const TEA = { sku: 'TEA', quantity: 2, unitPriceMinor: 250, taxRateBp: 700 };

describe('invoicing consuming ReturnReceived (real Kafka, registry, Postgres)', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start();
  });
  afterAll(() => invoicing?.stop());

  const creditNotesOf = async (orderId: string) => (await invoicing.call('GET', `/v1/credit-notes?orderId=${orderId}`)).body;
  const credited = (orderId: string) => eventually(() => creditNotesOf(orderId), (notes) => notes.length >= 1);

  it('credits exactly the returned quantities of a partial return at the order prices, once', async () => {
    const order = orderPlaced([MUG, TEA]);
    const dispatch = shipmentDispatched(order.orderId, [
      { lineNo: 1, sku: 'MUG', quantity: 3 },
      { lineNo: 2, sku: 'TEA', quantity: 2 },
    ]);
    // 2 of 3 mugs, back to two warehouses, and 1 of 2 teas; delivered twice.
    const returned = returnReceived(order.orderId, [
      { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
      { lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 1 },
      { lineNo: 2, sku: 'TEA', warehouse: 'BER', quantity: 1 },
    ]);
    await invoicing.publish(order, dispatch, returned, returned, returnReceived(order.orderId, returned.lines, returned.returnId));

    const [creditNote] = await credited(order.orderId);
    // MUG 2 × 1299 = 2598, 19% = 493.62 → 494; TEA 250, 7% = 17.5 → 18
    expect(creditNote).toMatchObject({
      number: 'CN-000001',
      orderId: order.orderId,
      returnId: returned.returnId,
      customerId: 'CUST-1',
      currency: 'EUR',
      lines: [
        { lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 1299, taxRateBp: 1900, netMinor: 2598, taxMinor: 494 },
        { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 250, taxRateBp: 700, netMinor: 250, taxMinor: 18 },
      ],
      netMinor: 2848,
      taxMinor: 512,
      totalMinor: 3360,
    });
    expect((await invoicing.call('GET', `/v1/credit-notes/${creditNote.id}`)).body).toEqual(creditNote);

    // A marker return behind the copies: once it is credited, so were they — and still one credit note.
    const marker = orderPlaced([TEA]);
    await invoicing.publish(marker, returnReceived(marker.orderId, [{ lineNo: 1, sku: 'TEA', warehouse: 'BER', quantity: 1 }]));
    await credited(marker.orderId);
    expect(await creditNotesOf(order.orderId)).toHaveLength(1);

    const published = await invoicing.publishedFor(order.orderId, 2);
    expect(published.map((event) => event.eventType)).toEqual(['InvoiceIssued', 'CreditNoteIssued']);
    const [issued] = ofType(published, 'CreditNoteIssued');
    expect(issued).toMatchObject({
      creditNoteId: creditNote.id,
      creditNoteNumber: 'CN-000001',
      returnId: returned.returnId,
      totalMinor: 3360,
      correlationId: order.correlationId,
    });
    // The event's lines are the credit note's, but for the tax class, which invoicing keeps to itself.
    expect(creditNote.lines).toMatchObject(issued.lines);
  });

  it('keeps a return that arrives before its order and credits it when the order arrives', async () => {
    const late = orderPlaced([MUG]);
    await invoicing.publish(returnReceived(late.orderId, [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 }]));
    const marker = orderPlaced([TEA]);
    await invoicing.publish(marker, returnReceived(marker.orderId, [{ lineNo: 1, sku: 'TEA', warehouse: 'BER', quantity: 1 }]));
    await credited(marker.orderId);
    expect(await creditNotesOf(late.orderId)).toEqual([]);

    await invoicing.publish(late);
    const [creditNote] = await credited(late.orderId);
    expect(creditNote).toMatchObject({ netMinor: 1299, taxMinor: 247, totalMinor: 1546 });
  });

  it('answers 404 for an unknown credit note', async () => {
    expect((await invoicing.call('GET', `/v1/credit-notes/${randomUUID()}`)).status).toBe(404);
  });
});

import type { DocumentRecord, OrderLineRecord, OrderRecord, ReservationRecord, ShipmentRecord } from '../records';
import type { OrderEvidence } from './order-invariants';
import { orderMismatches } from './order-invariants';

const ORDER = 'a0000000-0000-4000-8000-000000000001';

function line(lineNo: number, sku: string, quantities: Partial<OrderLineRecord> = {}): OrderLineRecord {
  return { lineNo, sku, ordered: 3, reserved: 3, shipped: 3, invoiced: 3, returned: 0, credited: 0, ...quantities };
}

function invoice(id: string, shipmentId: string, lines: [number, string, number][], number = `INV-${id}`): DocumentRecord {
  return {
    id,
    number,
    orderId: ORDER,
    customerId: 'CUST-1',
    currency: 'EUR',
    shipmentId,
    lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity, unitPriceMinor: 100, taxRateBp: 0, netMinor: quantity * 100, taxMinor: 0 })),
    netMinor: 0,
    taxMinor: 0,
    totalMinor: lines.reduce((total, [, , quantity]) => total + quantity * 100, 0),
  };
}

function shipment(id: string, warehouse: string, lines: [number, string, number][], status = 'DELIVERED'): ShipmentRecord {
  return { id, orderId: ORDER, warehouse, status, lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity })) };
}

function reservations(entries: [number, string, string, { reserved: number; issued: number; returned?: number }][]): ReservationRecord {
  const lines = new Map<number, ReservationRecord['lines'][number]>();
  for (const [lineNo, sku, warehouse, { reserved, issued, returned = 0 }] of entries) {
    const entry = lines.get(lineNo) ?? { lineNo, sku, warehouses: [] };
    entry.warehouses.push({ warehouse, reserved, issued, returned });
    lines.set(lineNo, entry);
  }
  return { orderId: ORDER, lines: [...lines.values()] };
}

/** Two lines, the mug split over two warehouses; one return of a tea, credited. */
function consistent(): OrderEvidence {
  const order: OrderRecord = {
    id: ORDER,
    status: 'COMPLETED',
    lines: [line(1, 'MUG'), line(2, 'TEA', { ordered: 2, reserved: 2, shipped: 2, invoiced: 2, returned: 1, credited: 1 })],
    invoices: [
      { invoiceId: 'i1', invoiceNumber: 'INV-i1', totalMinor: 400 },
      { invoiceId: 'i2', invoiceNumber: 'INV-i2', totalMinor: 100 },
    ],
  };
  const creditNote: DocumentRecord = { ...invoice('c1', '', [[2, 'TEA', 1]], 'CN-000001'), shipmentId: undefined };
  return {
    order,
    invoices: [
      invoice('i1', 's1', [
        [1, 'MUG', 2],
        [2, 'TEA', 2],
      ]),
      invoice('i2', 's2', [[1, 'MUG', 1]]),
    ],
    creditNotes: [creditNote],
    shipments: [
      shipment('s1', 'BER', [
        [1, 'MUG', 2],
        [2, 'TEA', 2],
      ]),
      shipment('s2', 'HAM', [[1, 'MUG', 1]]),
      shipment('s0', 'HAM', [[1, 'MUG', 1]], 'CANCELLED'),
    ],
    reservations: reservations([
      [1, 'MUG', 'BER', { reserved: 2, issued: 2 }],
      [1, 'MUG', 'HAM', { reserved: 1, issued: 1 }],
      [2, 'TEA', 'BER', { reserved: 2, issued: 2, returned: 1 }],
    ]),
  };
}

const checks = (evidence: OrderEvidence) => orderMismatches(evidence).map((mismatch) => mismatch.check);

describe('orderMismatches', () => {
  it('finds nothing when every service agrees, cancelled shipments aside', () => {
    expect(orderMismatches(consistent())).toEqual([]);
  });

  it('counts a shipment the carrier returned, lost or damaged as dispatched: its goods left and were invoiced', () => {
    for (const status of ['RETURNED_TO_SENDER', 'LOST', 'DAMAGED']) {
      const evidence = consistent();
      evidence.shipments = evidence.shipments!.map((one) => (one.id === 's2' ? { ...one, status } : one));
      expect([status, orderMismatches(evidence)]).toEqual([status, []]);
    }
  });

  it('checks shipped ≤ reserved ≤ ordered and the order counters on the order itself', () => {
    const evidence = consistent();
    evidence.order.lines[0] = line(1, 'MUG', { reserved: 4 });
    evidence.order.lines[1] = { ...evidence.order.lines[1], invoiced: 1, credited: 0 };
    const found = orderMismatches({ order: evidence.order });
    expect(found).toEqual([
      { check: 'order-quantities', ids: { orderId: ORDER, lineNo: 1, sku: 'MUG' }, detail: '0 ≤ shipped 3 ≤ reserved 4 ≤ ordered 3 does not hold on the order' },
      { check: 'order-invoiced', ids: { orderId: ORDER, lineNo: 2, sku: 'TEA' }, detail: 'the order counts invoiced 1, shipped 2' },
      { check: 'order-credited', ids: { orderId: ORDER, lineNo: 2, sku: 'TEA' }, detail: 'the order counts credited 0, returned 1' },
    ]);
  });

  it('names the invoice quantities that differ from what shipped', () => {
    const evidence = consistent();
    evidence.invoices![1].lines[0].quantity = 2;
    expect(orderMismatches(evidence)).toEqual([
      { check: 'invoiced=shipped', ids: { orderId: ORDER, lineNo: 1, sku: 'MUG' }, detail: 'invoices hold 4, the order shipped 3' },
    ]);
  });

  it('compares credit notes with returns, shipping with shipped, and inventory with shipped, reserved and returned', () => {
    const evidence = consistent();
    evidence.creditNotes = [];
    evidence.shipments![1].status = 'LABELLED';
    evidence.reservations!.lines[1].warehouses[0] = { warehouse: 'BER', reserved: 1, issued: 2, returned: 0 };
    expect(checks(evidence)).toEqual([
      'credited=returned',
      'dispatched=shipped',
      'inventory-reserved=reserved',
      'restocked=returned',
      'issued=dispatched',
      'invoice-per-shipment',
    ]);
  });

  it('compares goods issued with dispatches per warehouse', () => {
    const evidence = consistent();
    evidence.reservations = reservations([
      [1, 'MUG', 'BER', { reserved: 3, issued: 3 }],
      [2, 'TEA', 'BER', { reserved: 2, issued: 2, returned: 1 }],
    ]);
    expect(orderMismatches(evidence)).toEqual([
      { check: 'issued=dispatched', ids: { orderId: ORDER, lineNo: 1, sku: 'MUG', warehouse: 'BER' }, detail: 'inventory issued 3 from the warehouse, shipping dispatched 2' },
      { check: 'issued=dispatched', ids: { orderId: ORDER, lineNo: 1, sku: 'MUG', warehouse: 'HAM' }, detail: 'inventory issued 0 from the warehouse, shipping dispatched 1' },
    ]);
  });

  it('treats an order inventory has not seen as nothing reserved or issued there', () => {
    const evidence = consistent();
    evidence.reservations = null;
    expect(checks(evidence)).toEqual(expect.arrayContaining(['issued=shipped', 'inventory-reserved=reserved', 'issued=dispatched']));
  });

  it('reports lines the order does not have, or under another sku', () => {
    const evidence = consistent();
    evidence.shipments = [...evidence.shipments!, shipment('s3', 'BER', [[3, 'PEN', 1]], 'LABELLED')];
    evidence.invoices![0].lines[1].sku = 'COFFEE';
    expect(orderMismatches(evidence).filter((mismatch) => mismatch.check === 'unknown-line')).toEqual([
      { check: 'unknown-line', ids: { orderId: ORDER, lineNo: 2, sku: 'COFFEE' }, detail: 'an invoice has sku COFFEE on the line, the order TEA' },
      { check: 'unknown-line', ids: { orderId: ORDER, lineNo: 3, sku: 'PEN' }, detail: 'a shipment has a line the order does not have' },
    ]);
  });

  it("checks the order's invoice list against invoicing, and one invoice per dispatched shipment", () => {
    const evidence = consistent();
    evidence.order.invoices = [
      { invoiceId: 'i1', invoiceNumber: 'INV-i1', totalMinor: 999 },
      { invoiceId: 'i9', invoiceNumber: 'INV-i9', totalMinor: 100 },
    ];
    evidence.invoices![1].shipmentId = 's1';
    expect(orderMismatches(evidence).map(({ check, ids, detail }) => [check, ids.invoice ?? ids.shipmentId, detail])).toEqual([
      ['order-invoices', 'INV-i1', 'the order shows total 999, invoicing 400'],
      ['order-invoices', 'INV-i2', 'invoicing issued it, the order does not list it'],
      ['order-invoices', 'INV-i9', 'the order lists it, invoicing has no such invoice'],
      ['invoice-per-shipment', 's1', '2 invoices for the dispatched shipment, expected 1'],
      ['invoice-per-shipment', 's2', '0 invoices for the dispatched shipment, expected 1'],
    ]);
  });

  it('checks only what was read', () => {
    const evidence = consistent();
    expect(orderMismatches({ order: { ...evidence.order, lines: [line(1, 'MUG', { shipped: 1, invoiced: 1 })] } })).toEqual([]);
  });
});

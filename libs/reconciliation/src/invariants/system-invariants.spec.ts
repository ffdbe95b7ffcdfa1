import { formatMismatch } from '../mismatch';
import type { DocumentRecord, OrderRecord, ShipmentRecord } from '../records';
import type { SystemSnapshot } from './system-invariants';
import { formatSummary, reconcile } from './system-invariants';

const rules = { outboxGraceSeconds: 30 };
const ORDER = 'a0000000-0000-4000-8000-000000000001';
const STRANGER = 'a0000000-0000-4000-8000-000000000009';

const order: OrderRecord = {
  id: ORDER,
  status: 'SHIPPED',
  lines: [{ lineNo: 1, sku: 'MUG', ordered: 2, reserved: 2, shipped: 2, invoiced: 2, returned: 0, credited: 0 }],
  invoices: [{ invoiceId: 'i1', invoiceNumber: 'INV-000001', totalMinor: 200 }],
};
const mugLine = { lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 100, taxRateBp: 0, netMinor: 200, taxMinor: 0 };
const invoice: DocumentRecord = { id: 'i1', number: 'INV-000001', orderId: ORDER, customerId: 'CUST-1', currency: 'EUR', shipmentId: 's1', lines: [mugLine], netMinor: 200, taxMinor: 0, totalMinor: 200 };
const shipment: ShipmentRecord = { id: 's1', orderId: ORDER, warehouse: 'BER', status: 'DISPATCHED', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] };

function snapshot(): SystemSnapshot {
  return {
    orders: [order],
    invoices: [invoice],
    creditNotes: [],
    shipments: [shipment],
    reservations: new Map([[ORDER, { orderId: ORDER, lines: [{ lineNo: 1, sku: 'MUG', warehouses: [{ warehouse: 'BER', reserved: 2, issued: 2, returned: 0 }] }] }]]),
    reservedOrders: [{ orderId: ORDER, held: 0, backordered: 0 }],
    stock: [{ sku: 'MUG', warehouses: [{ warehouse: 'BER', onHand: 8, reserved: 0 }] }],
    messaging: ['order', 'inventory'].map((service) => ({
      service,
      outbox: { count: 0, oldestAgeSeconds: 0 },
      retrying: [],
      inboxDuplicates: service === 'order' ? 0 : undefined,
      deadLetters: { count: 0, items: [] },
    })),
  };
}

describe('reconcile', () => {
  it('finds a consistent system clean and counts what it checked', () => {
    const result = reconcile(snapshot(), rules);
    expect(result.mismatches).toEqual([]);
    expect(result.checked).toEqual({
      orders: 1,
      orderLines: 1,
      invoices: 1,
      creditNotes: 0,
      shipments: 1,
      skus: 1,
      stockLevels: 1,
      messagingServices: ['order', 'inventory'],
      inboxUnreported: ['inventory'],
    });
    expect(formatSummary(result, ['crm-sync'])).toBe(
      'reconcile: checked 1 orders (1 lines), 1 invoices, 0 credit notes, 1 shipments, 1 skus (1 sku/warehouse levels), messaging of 2 services ' +
        '(inbox duplicates not reported by inventory; skipped crm-sync): no mismatches',
    );
  });

  it('checks every order, document, sku and service, and effects of orders nobody placed', () => {
    const broken = snapshot();
    broken.invoices = [invoice, { ...invoice, id: 'i2', number: 'INV-000002', orderId: STRANGER, shipmentId: 's9' }];
    broken.creditNotes = [{ ...invoice, id: 'c1', number: 'CN-000001', orderId: STRANGER, totalMinor: 1 }];
    broken.shipments = [shipment, { ...shipment, id: 's9', orderId: STRANGER }];
    broken.reservedOrders = [...broken.reservedOrders!, { orderId: STRANGER, held: 2, backordered: 0 }];
    broken.stock = [{ sku: 'MUG', warehouses: [{ warehouse: 'BER', onHand: 1, reserved: 2 }] }];
    broken.messaging[0].deadLetters = {
      count: 1,
      items: [{ id: '0:1', reason: 'handler-error', eventType: 'ShipmentDispatched', eventId: 'e', key: ORDER, originalTopic: 't', errorClass: 'Error', errorMessage: 'boom' }],
    };
    const result = reconcile(broken, rules);
    expect(result.mismatches.map(formatMismatch)).toEqual([
      `MISMATCH orphan-effect order=${STRANGER}: inventory holds 2 reserved and 0 backordered for an order the order service does not know; release the reservations with POST /v1/reservations/${STRANGER}/release (role ops, with a reason)`,
      `MISMATCH orphan-effect order=${STRANGER} shipment=s9: shipping has a DISPATCHED shipment for an order the order service does not know`,
      `MISMATCH orphan-effect order=${STRANGER} invoice=INV-000002: invoicing has an invoice for an order the order service does not know`,
      `MISMATCH orphan-effect order=${STRANGER} credit-note=CN-000001: invoicing has a credit note for an order the order service does not know`,
      `MISMATCH document-totals order=${STRANGER} credit-note=CN-000001: total 1 ≠ net 200 + tax 0`,
      'MISMATCH stock-levels sku=MUG warehouse=BER: 0 ≤ reserved 2 ≤ on hand 1 does not hold',
      `MISMATCH dead-letter service=order dead-letter=0:1: handler-error: ShipmentDispatched e from t key ${ORDER}: Error: boom`,
    ]);
    expect(formatSummary(result)).toMatch(/: 7 mismatches$/);
  });

  it('does not check what a skipped service holds', () => {
    const partial: SystemSnapshot = { orders: [{ ...order, lines: [{ ...order.lines[0], shipped: 1, invoiced: 1 }] }], messaging: [] };
    expect(reconcile(partial, rules).mismatches).toEqual([]);
  });

  it('sees an order inventory never saw as holding nothing there', () => {
    const unseen = snapshot();
    unseen.reservations = new Map();
    expect(reconcile(unseen, rules).mismatches.map((mismatch) => mismatch.check)).toEqual(['issued=shipped', 'inventory-reserved=reserved', 'issued=dispatched']);
  });
});

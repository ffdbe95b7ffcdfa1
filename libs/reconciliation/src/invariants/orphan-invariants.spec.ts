import { formatMismatch } from '../mismatch';
import type { DocumentRecord, ShipmentRecord } from '../records';
import type { Effects } from './orphan-invariants';
import { orphanEffects } from './orphan-invariants';

const PLACED = 'a0000000-0000-4000-8000-000000000001';
const FORGED = 'a0000000-0000-4000-8000-00000000000f';
const known = new Set([PLACED]);

function shipment(id: string, orderId: string, status = 'LABELLED'): ShipmentRecord {
  return { id, orderId, warehouse: 'BER', status, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] };
}

function document(id: string, number: string, orderId: string): DocumentRecord {
  return { id, number, orderId, customerId: 'CUST-1', currency: 'EUR', lines: [], netMinor: 0, taxMinor: 0, totalMinor: 0 };
}

/** One effect of each kind for the placed order and for one nobody placed. */
function effects(): Effects {
  return {
    reservedOrders: [
      { orderId: PLACED, held: 2, backordered: 1 },
      { orderId: FORGED, held: 3, backordered: 1 },
    ],
    shipments: [shipment('s1', PLACED), shipment('s9', FORGED, 'CANCELLED')],
    invoices: [document('i1', 'INV-000001', PLACED), document('i9', 'INV-000009', FORGED)],
    creditNotes: [document('c1', 'CN-000001', PLACED), document('c9', 'CN-000009', FORGED)],
  };
}

describe('orphanEffects', () => {
  it('finds nothing when every effect belongs to an order the order service knows', () => {
    expect(orphanEffects(new Set([PLACED, FORGED]), effects())).toEqual([]);
  });

  it('names each reservation, shipment, invoice and credit note of an order that does not exist, one line each', () => {
    expect(orphanEffects(known, effects()).map(formatMismatch)).toEqual([
      `MISMATCH orphan-effect order=${FORGED}: inventory holds 3 reserved and 1 backordered for an order the order service does not know; ` +
        `release the reservations with POST /v1/reservations/${FORGED}/release (role ops, with a reason)`,
      `MISMATCH orphan-effect order=${FORGED} shipment=s9: shipping has a CANCELLED shipment for an order the order service does not know`,
      `MISMATCH orphan-effect order=${FORGED} invoice=INV-000009: invoicing has an invoice for an order the order service does not know`,
      `MISMATCH orphan-effect order=${FORGED} credit-note=CN-000009: invoicing has a credit note for an order the order service does not know`,
    ]);
  });

  it('counts a reservation only while it holds or waits for stock: once released, nothing is left to fix', () => {
    const released = { reservedOrders: [{ orderId: FORGED, held: 0, backordered: 0 }] };
    expect(orphanEffects(known, released)).toEqual([]);
    const waiting = { reservedOrders: [{ orderId: FORGED, held: 0, backordered: 2 }] };
    expect(orphanEffects(known, waiting)).toEqual([
      {
        check: 'orphan-effect',
        ids: { orderId: FORGED },
        detail: `inventory holds 0 reserved and 2 backordered for an order the order service does not know; release the reservations with POST /v1/reservations/${FORGED}/release (role ops, with a reason)`,
      },
    ]);
  });

  it('checks only what was read', () => {
    expect(orphanEffects(known, {})).toEqual([]);
  });
});

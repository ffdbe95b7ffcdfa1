import type { Mismatch } from '../mismatch';
import type { DocumentRecord, ReservedOrderRecord, ShipmentRecord } from '../records';

/** What the other services hold per order; a source left undefined was not read (its service skipped). */
export interface Effects {
  reservedOrders?: readonly ReservedOrderRecord[];
  shipments?: readonly ShipmentRecord[];
  invoices?: readonly DocumentRecord[];
  creditNotes?: readonly DocumentRecord[];
}

const UNKNOWN = 'for an order the order service does not know';

/**
 * docs/design.md#invariants: no effect exists for an order that does not, e.g. stock a forged OrderApproved
 * reserved. Reservations count only while they still hold or wait for stock: once an operator
 * released them (POST /v1/reservations/{orderId}/release) nothing is left to fix.
 */
export function orphanEffects(knownOrders: ReadonlySet<string>, effects: Effects): Mismatch[] {
  const orphan = (orderId: string) => !knownOrders.has(orderId);
  return [
    ...(effects.reservedOrders ?? [])
      .filter((reserved) => orphan(reserved.orderId) && (reserved.held > 0 || reserved.backordered > 0))
      .map(({ orderId, held, backordered }) => ({
        check: 'orphan-effect',
        ids: { orderId },
        detail: `inventory holds ${held} reserved and ${backordered} backordered ${UNKNOWN}; release the reservations with POST /v1/reservations/${orderId}/release (role ops, with a reason)`,
      })),
    ...(effects.shipments ?? [])
      .filter((shipment) => orphan(shipment.orderId))
      .map((shipment) => ({
        check: 'orphan-effect',
        ids: { orderId: shipment.orderId, shipmentId: shipment.id },
        detail: `shipping has a ${shipment.status} shipment ${UNKNOWN}`,
      })),
    ...(effects.invoices ?? [])
      .filter((invoice) => orphan(invoice.orderId))
      .map((invoice) => ({
        check: 'orphan-effect',
        ids: { orderId: invoice.orderId, invoice: invoice.number },
        detail: `invoicing has an invoice ${UNKNOWN}`,
      })),
    ...(effects.creditNotes ?? [])
      .filter((note) => orphan(note.orderId))
      .map((note) => ({
        check: 'orphan-effect',
        ids: { orderId: note.orderId, creditNote: note.number },
        detail: `invoicing has a credit note ${UNKNOWN}`,
      })),
  ];
}

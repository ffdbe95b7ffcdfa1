/** Order life cycle of DESIGN.md §3 step 6; this slice reaches the reservation states. */
export const ORDER_STATUSES = [
  'PLACED',
  'HELD',
  'APPROVED',
  'BACKORDERED',
  'PARTIALLY_RESERVED',
  'RESERVED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface LineReservation {
  lineNo: number;
  quantity: number;
  reserved: number;
  backordered: number;
}

/** The status an approved order has from how much of each line is reserved or waiting. */
export function reservationStatus(lines: readonly LineReservation[]): OrderStatus {
  if (lines.every((line) => line.reserved >= line.quantity)) return 'RESERVED';
  if (lines.some((line) => line.reserved > 0)) return 'PARTIALLY_RESERVED';
  if (lines.some((line) => line.backordered > 0)) return 'BACKORDERED';
  return 'APPROVED';
}

export class ReservationMismatchError extends Error {
  override name = 'ReservationMismatchError';
}

/**
 * Adds reserved quantities to lines. A reservation of an unknown line or beyond the ordered
 * quantity breaks the invariant reserved ≤ ordered and is refused rather than recorded.
 */
export function applyReservations(
  lines: readonly LineReservation[],
  reserved: readonly { lineNo: number; quantity: number }[],
): LineReservation[] {
  const next = lines.map((line) => ({ ...line }));
  for (const { lineNo, quantity } of reserved) {
    const line = next.find((candidate) => candidate.lineNo === lineNo);
    if (!line) throw new ReservationMismatchError(`reservation for unknown line ${lineNo}`);
    line.reserved += quantity;
    line.backordered = Math.max(0, line.backordered - quantity);
    if (line.reserved > line.quantity) {
      throw new ReservationMismatchError(`line ${lineNo}: reserved ${line.reserved} exceeds ordered ${line.quantity}`);
    }
  }
  return next;
}

/** Records quantities inventory is waiting for; they shrink as later reservations arrive. */
export function applyBackorders(
  lines: readonly LineReservation[],
  backordered: readonly { lineNo: number; quantity: number }[],
): LineReservation[] {
  return lines.map((line) => {
    const waiting = backordered.find((entry) => entry.lineNo === line.lineNo);
    return waiting ? { ...line, backordered: waiting.quantity } : { ...line };
  });
}

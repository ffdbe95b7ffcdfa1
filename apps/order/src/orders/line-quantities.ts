import { EventMismatchError } from './event-mismatch.error';

/** What the other services report per line, kept on the order's lines. */
export type LineCounter = 'reserved' | 'backordered' | 'shipped' | 'invoiced' | 'returned' | 'credited';

export type LineCounts = { lineNo: number; quantity: number; cancelled: number } & Record<LineCounter, number>;

export interface LineQuantity {
  lineNo: number;
  quantity: number;
}

/**
 * Adds (or with a negative sign, takes away) reported quantities to one counter of the lines.
 * Counters never go below zero. Counts may run past the ordered quantity for a while — inventory
 * may fill a backorder before it sees an amendment that lowers the line — so only unknown lines
 * are refused: the event is a fact, and dropping it would corrupt the counts.
 */
export function addToLines<T extends LineCounts>(
  lines: readonly T[],
  counter: LineCounter,
  entries: readonly LineQuantity[],
  sign: 1 | -1 = 1,
): T[] {
  const next = lines.map((line) => ({ ...line }));
  for (const { lineNo, quantity } of entries) {
    const line = next.find((candidate) => candidate.lineNo === lineNo);
    if (!line) throw new EventMismatchError(`${counter} quantity for unknown line ${lineNo}`);
    line[counter] = Math.max(0, line[counter] + sign * quantity);
  }
  return next;
}

/**
 * StockReserved: reserved goes up. A reservation may fill a backorder or be fresh stock for an
 * amended line (the backorder still waits), so what waits is cut only to what is still missing.
 */
export function applyReservations<T extends LineCounts>(lines: readonly T[], reserved: readonly LineQuantity[]): T[] {
  return addToLines(lines, 'reserved', reserved).map((line) => {
    const missing = Math.max(0, line.quantity - line.cancelled - line.reserved);
    return { ...line, backordered: Math.min(line.backordered, missing) };
  });
}

/** StockBackordered: these quantities wait for stock, on top of what already waited. */
export function applyBackorders<T extends LineCounts>(lines: readonly T[], backordered: readonly LineQuantity[]): T[] {
  return addToLines(lines, 'backordered', backordered);
}

/** StockReleased: reservations given back and backorders withdrawn (after an amendment or a cancel). */
export function applyReleases<T extends LineCounts>(
  lines: readonly T[],
  released: readonly LineQuantity[],
  withdrawn: readonly LineQuantity[],
): T[] {
  return addToLines(addToLines(lines, 'reserved', released, -1), 'backordered', withdrawn, -1);
}

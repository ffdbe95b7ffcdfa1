import type { Holding, Release } from '../reservations/release';
import { compareIds, takeInOrder } from '../reservations/release';

export interface IssuePlan {
  /** Reservation rows the goods are issued from, oldest first. */
  fromReservations: { reservationId: string; quantity: number }[];
  /** Dispatched beyond what the order held there (a dispatch racing a cancel or amend). */
  unreserved: number;
}

/** The effect on a stock level of issuing goods. */
export interface LevelIssue {
  onHand: number;
  reserved: number;
}

/**
 * ShipmentDispatched for one line in one warehouse: the goods come out of the order's open
 * reservations there, oldest first (releases take the newest, so the two rarely meet).
 */
export function planIssue(holdings: readonly Holding[], quantity: number): IssuePlan {
  const oldestFirst = [...holdings].sort((a, b) => compareIds(a.id, b.id));
  const taken = takeInOrder(oldestFirst, quantity, (row) => row.open);
  const fromReservations = taken.map(({ source, quantity: issued }) => ({ reservationId: source.id, quantity: issued }));
  return { fromReservations, unreserved: quantity - fromReservations.reduce((sum, row) => sum + row.quantity, 0) };
}

/**
 * How far on hand and reserved go down: on hand by everything that left (never below 0: a
 * dispatch of goods the books do not have is recorded, not invented), reserved only by what came
 * out of reservations (never below 0).
 */
export function issueFromLevel(level: LevelIssue, dispatched: number, fromReservations: number): LevelIssue {
  return {
    onHand: Math.min(level.onHand, dispatched),
    reserved: Math.min(level.reserved, fromReservations),
  };
}

/**
 * After an unreserved issue, on hand may be below reserved: the newest open reservations of the
 * sku in that warehouse (any order) give back the shortfall, to be reserved elsewhere or backordered.
 */
export function planTakeBack(holdings: readonly Holding[], shortfall: number): Release[] {
  const newestFirst = [...holdings].sort((a, b) => compareIds(b.id, a.id));
  return takeInOrder(newestFirst, shortfall, (row) => row.open).map(({ source, quantity }) => ({
    reservationId: source.id,
    lineNo: source.lineNo,
    sku: source.sku,
    warehouse: source.warehouse,
    quantity,
  }));
}

/** Sums quantities per line (lineNo + sku), dropping empty lines. */
export function linesOf<T extends { lineNo: number; sku: string; quantity: number }>(lines: readonly T[]): T[] {
  const sums = new Map<string, T>();
  for (const line of lines) {
    const key = `${line.lineNo}\u0000${line.sku}`;
    const known = sums.get(key);
    sums.set(key, { ...line, quantity: (known?.quantity ?? 0) + line.quantity });
  }
  return [...sums.values()].filter((line) => line.quantity > 0);
}

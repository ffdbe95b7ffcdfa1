import type { RequestedLine } from './allocation';

/** A reservation row as release decisions see it. */
export interface Holding {
  id: string;
  lineNo: number;
  sku: string;
  warehouse: string;
  /** Still held: neither issued nor released. */
  open: number;
  issued: number;
}

/** A backorder row still waiting for stock. */
export interface Waiting {
  id: string;
  lineNo: number;
  sku: string;
  quantity: number;
}

export interface Release {
  reservationId: string;
  lineNo: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

export interface Withdrawal {
  backorderId: string;
  lineNo: number;
  sku: string;
  quantity: number;
}

export interface ReleasePlan {
  releases: Release[];
  withdrawals: Withdrawal[];
}

export interface ChangePlan extends ReleasePlan {
  /** Quantities to reserve in addition (amended up). */
  additions: RequestedLine[];
}

/** Ids are bigserial strings: the larger, the more recent. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Takes `amount` from `sources` in the given order; returns what each gave. */
export function takeInOrder<T>(sources: readonly T[], amount: number, has: (source: T) => number): { source: T; quantity: number }[] {
  const taken: { source: T; quantity: number }[] = [];
  let left = amount;
  for (const source of sources) {
    if (left <= 0) break;
    const quantity = Math.min(left, Math.max(0, has(source)));
    if (quantity === 0) continue;
    taken.push({ source, quantity });
    left -= quantity;
  }
  return taken;
}

const lineKey = (line: { lineNo: number; sku: string }) => `${line.lineNo}\u0000${line.sku}`;

/**
 * Gives up `amount` of a line: backorders first (newest first), then reservations not yet issued,
 * the most recent allocation first, so the oldest reservation — the one shipping most likely has
 * planned — survives longest.
 */
export function planReduction(amount: number, holdings: readonly Holding[], waiting: readonly Waiting[]): ReleasePlan {
  const newestFirst = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => compareIds(b.id, a.id));
  const withdrawn = takeInOrder(newestFirst(waiting), amount, (row) => row.quantity);
  const rest = amount - withdrawn.reduce((sum, { quantity }) => sum + quantity, 0);
  const released = takeInOrder(newestFirst(holdings), rest, (row) => row.open);
  return {
    withdrawals: withdrawn.map(({ source, quantity }) => ({ backorderId: source.id, lineNo: source.lineNo, sku: source.sku, quantity })),
    releases: released.map(({ source, quantity }) => ({
      reservationId: source.id,
      lineNo: source.lineNo,
      sku: source.sku,
      warehouse: source.warehouse,
      quantity,
    })),
  };
}

/**
 * OrderAmended: `targets` is the order's whole line list after the change; a line it does not name
 * (or names with quantity 0) goes to 0. Per line (lineNo + sku) current = held + issued +
 * backordered; more → an addition, less → a reduction. Issued goods are never released, so a target
 * below what was issued releases everything that can be.
 */
export function planAmendment(targets: readonly RequestedLine[], holdings: readonly Holding[], waiting: readonly Waiting[]): ChangePlan {
  const wanted = new Map<string, RequestedLine>();
  for (const target of targets) {
    const key = lineKey(target);
    const known = wanted.get(key);
    wanted.set(key, { lineNo: target.lineNo, sku: target.sku, quantity: (known?.quantity ?? 0) + target.quantity });
  }
  const lines = new Map<string, { lineNo: number; sku: string }>();
  for (const line of [...targets, ...holdings, ...waiting]) lines.set(lineKey(line), { lineNo: line.lineNo, sku: line.sku });
  const plan: ChangePlan = { releases: [], withdrawals: [], additions: [] };
  const ordered = [...lines.entries()].sort(([, a], [, b]) => a.lineNo - b.lineNo || a.sku.localeCompare(b.sku));
  for (const [key, line] of ordered) {
    const lineHoldings = holdings.filter((row) => lineKey(row) === key);
    const lineWaiting = waiting.filter((row) => lineKey(row) === key);
    const current =
      lineHoldings.reduce((sum, row) => sum + row.open + row.issued, 0) + lineWaiting.reduce((sum, row) => sum + row.quantity, 0);
    const target = wanted.get(key)?.quantity ?? 0;
    if (target > current) {
      plan.additions.push({ ...line, quantity: target - current });
    } else if (target < current) {
      const { releases, withdrawals } = planReduction(current - target, lineHoldings, lineWaiting);
      plan.releases.push(...releases);
      plan.withdrawals.push(...withdrawals);
    }
  }
  return plan;
}

/** OrderCancelled: every reservation not yet issued and every backorder goes. */
export function planCancellation(holdings: readonly Holding[], waiting: readonly Waiting[]): ReleasePlan {
  const { releases, withdrawals } = planAmendment([], holdings, waiting);
  return { releases, withdrawals };
}

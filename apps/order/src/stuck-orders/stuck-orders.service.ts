import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StuckLimits, StuckVerdict } from './stuck-order-rule';
import { stuckVerdict } from './stuck-order-rule';
import type { StuckCandidate } from './stuck-orders.queries';
import { findStuckCandidates } from './stuck-orders.queries';

export const STUCK_LIMITS = Symbol('STUCK_LIMITS');

export type StuckOrder = Pick<StuckCandidate, 'orderId' | 'customerId' | 'channel' | 'status' | 'since'> & StuckVerdict;

const SCAN_BATCH = 500;

/** Orders that stopped moving: the candidates of the query, judged by the rule. */
@Injectable()
export class StuckOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(STUCK_LIMITS) private readonly limits: StuckLimits,
  ) {}

  /** A page by order id (keyset: id > afterId); nextAfterId null on the last page. */
  async page(afterId: string | null, limit: number, now = new Date()): Promise<{ items: StuckOrder[]; nextAfterId: string | null }> {
    const items: StuckOrder[] = [];
    let cursor = afterId;
    // The query may yield a candidate the rule lets go; read on until the page is full or nothing is left.
    for (;;) {
      const wanted = limit + 1 - items.length;
      const candidates = await findStuckCandidates(this.dataSource.manager, this.limits, now, cursor, wanted);
      for (const candidate of candidates) {
        const verdict = stuckVerdict(candidate, this.limits, now);
        if (verdict) items.push(describe(candidate, verdict));
      }
      // One more than the page: only then is there a next page.
      if (items.length > limit) return { items: items.slice(0, limit), nextAfterId: items[limit - 1].orderId };
      if (candidates.length < wanted) return { items, nextAfterId: null };
      cursor = candidates[candidates.length - 1].orderId;
    }
  }

  /** Every stuck order, counted by status and reason (for the metric). */
  async count(now = new Date()): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    let cursor: string | null = null;
    for (;;) {
      const candidates = await findStuckCandidates(this.dataSource.manager, this.limits, now, cursor, SCAN_BATCH);
      for (const candidate of candidates) {
        const verdict = stuckVerdict(candidate, this.limits, now);
        const key = verdict && seriesKey(candidate.status, verdict.reason);
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      if (candidates.length < SCAN_BATCH) return counts;
      cursor = candidates[candidates.length - 1].orderId;
    }
  }
}

export function seriesKey(status: string, reason: string): string {
  return `${status}/${reason}`;
}

function describe(candidate: StuckCandidate, verdict: StuckVerdict): StuckOrder {
  const { orderId, customerId, channel, status, since } = candidate;
  return { orderId, customerId, channel, status, since, ...verdict };
}

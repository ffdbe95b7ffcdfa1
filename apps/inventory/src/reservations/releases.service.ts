import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { LockedStock } from '../stock/locked-stock.queries';
import { nextOrderVersion } from './order-versions.queries';
import type { ReleasePlan } from './release';
import { Reservation } from './reservation.entity';

/** `operator`: an operator gave the stock back by hand (POST /v1/reservations/{orderId}/release), e.g. for a forged order. */
export type ReleaseReason = 'amended' | 'cancelled' | 'shortage' | 'operator';

/** Per warehouse, the skus whose stock a release freed: what the caller offers to waiting backorders. */
export type FreedStock = Map<string, Set<string>>;

/** Rows with equal keys merged, quantities summed (StockReleased lists each line and warehouse once). */
function summed<T extends { quantity: number }>(rows: readonly T[], key: (row: T) => string): T[] {
  const sums = new Map<string, T>();
  for (const row of rows) sums.set(key(row), { ...row, quantity: (sums.get(key(row))?.quantity ?? 0) + row.quantity });
  return [...sums.values()];
}

@Injectable()
export class ReleasesService {
  /**
   * Applies a release plan of one order (stock rows already locked by the caller): reservations
   * give up their open quantities, backorders are withdrawn, StockReleased says what went.
   */
  async release(
    unit: UnitOfWork,
    stock: LockedStock,
    orderId: string,
    reason: ReleaseReason,
    plan: ReleasePlan,
    correlationId?: string,
  ): Promise<FreedStock> {
    const { manager } = unit;
    const freed: FreedStock = new Map();
    if (plan.releases.length === 0 && plan.withdrawals.length === 0) return freed;

    for (const release of plan.releases) {
      await manager.increment(Reservation, { id: release.reservationId }, 'released', release.quantity);
      const level = stock.find(release.sku, release.warehouse);
      if (!level) throw new Error(`stock of ${release.sku} in ${release.warehouse} is not locked`);
      stock.adjust(level, 'release', { reserved: -release.quantity });
      freed.set(release.warehouse, (freed.get(release.warehouse) ?? new Set()).add(release.sku));
    }
    for (const { backorderId, quantity } of plan.withdrawals) {
      // quantity > 0 is checked by the database: a fully withdrawn backorder is deleted, not zeroed.
      await manager.query(`DELETE FROM backorders WHERE id = $1 AND quantity <= $2`, [backorderId, quantity]);
      await manager.query(`UPDATE backorders SET quantity = quantity - $2 WHERE id = $1`, [backorderId, quantity]);
    }

    const allocations = summed(plan.releases, (row) => `${row.lineNo}\u0000${row.sku}\u0000${row.warehouse}`).map(
      ({ lineNo, sku, warehouse, quantity }) => ({ lineNo, sku, warehouse, quantity }),
    );
    const backorders = summed(plan.withdrawals, (row) => `${row.lineNo}\u0000${row.sku}`).map(({ lineNo, sku, quantity }) => ({
      lineNo,
      sku,
      quantity,
    }));
    const version = await nextOrderVersion(manager, orderId);
    unit.publish('StockReleased', { orderId, reason, allocations, backorders }, { id: orderId, version }, correlationId);
    return freed;
  }
}

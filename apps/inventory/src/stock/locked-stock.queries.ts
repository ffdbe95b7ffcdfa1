import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { refreshAvailability } from '../availability/availability.queries';
import type { LevelSnapshot, StockChangeReason } from './stock-change';
import { stockEventsFor } from './stock-change';
import { StockLevel } from './stock-level.entity';

interface Tracked {
  level: StockLevel;
  before: LevelSnapshot;
  /** The first reason the level changed in this unit of work: the cause, not the knock-on fills. */
  reason?: StockChangeReason;
}

const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;

/** The aggregate a stock event is about: one sku in one warehouse (the message key is the sku). */
export const stockAggregateId = (sku: string, warehouse: string) => `${sku}@${warehouse}`;

/**
 * The stock rows one unit of work changes: locked when first read, changed in memory, written by
 * `flush`, which also publishes one StockLevelChanged per changed level and ReplenishmentRequested
 * when available fell below the reorder point, and AvailabilityChanged for each sku whose
 * available-to-sell moved. Every change of on hand or reserved goes through here.
 */
export class LockedStock {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly manager: EntityManager) {}

  /**
   * Locks the rows of `skus` (in one warehouse or all), sku then warehouse, so concurrent
   * transactions cannot deadlock. Rows already locked keep their unsaved changes.
   */
  async lock(skus: readonly string[], warehouse?: string): Promise<StockLevel[]> {
    if (skus.length === 0) return [];
    const rows = await this.manager.find(StockLevel, {
      where: { sku: In([...new Set(skus)]), ...(warehouse ? { warehouse } : {}) },
      order: { sku: 'ASC', warehouse: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return rows.map((row) => {
      const known = this.tracked.get(key(row.sku, row.warehouse));
      if (known) return known.level;
      this.tracked.set(key(row.sku, row.warehouse), {
        level: row,
        before: { onHand: row.onHand, reserved: row.reserved, reorderPoint: row.reorderPoint },
      });
      return row;
    });
  }

  /** Creates missing rows with nothing on hand (goods arriving where the sku was never stocked), then locks them. */
  async lockOrCreate(places: readonly { sku: string; warehouse: string }[]): Promise<StockLevel[]> {
    if (places.length === 0) return [];
    const sorted = [...places].sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse));
    await this.manager.query(
      `INSERT INTO stock_levels (sku, warehouse, on_hand) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT (sku, warehouse) DO NOTHING`,
      [sorted.map((place) => place.sku), sorted.map((place) => place.warehouse), sorted.map(() => 0)],
    );
    const warehouses = new Set(sorted.map((place) => place.warehouse));
    const skus = sorted.map((place) => place.sku);
    return this.lock(skus, warehouses.size === 1 ? sorted[0].warehouse : undefined);
  }

  find(sku: string, warehouse: string): StockLevel | undefined {
    return this.tracked.get(key(sku, warehouse))?.level;
  }

  /** Moves on hand and reserved by the given amounts; the database refuses 0 ≤ reserved ≤ on hand broken. */
  adjust(level: StockLevel, reason: StockChangeReason, change: { onHand?: number; reserved?: number }): void {
    level.onHand += change.onHand ?? 0;
    level.reserved += change.reserved ?? 0;
    this.touch(level, reason);
  }

  setReorderPoint(level: StockLevel, reorderPoint: number, reason: StockChangeReason): void {
    level.reorderPoint = reorderPoint;
    this.touch(level, reason);
  }

  /**
   * Writes the changed levels and publishes their events. Call once, at the end of the unit of work:
   * the availability locks it takes come after every stock lock (refreshAvailability).
   */
  async flush(unit: UnitOfWork): Promise<void> {
    const changed = [...this.tracked.values()].filter((entry) => entry.reason);
    for (const entry of changed) {
      const { level, before, reason } = entry;
      const after = { onHand: level.onHand, reserved: level.reserved, reorderPoint: level.reorderPoint };
      entry.before = after;
      entry.reason = undefined;
      const events = stockEventsFor(before, after);
      const id = stockAggregateId(level.sku, level.warehouse);
      const { sku, warehouse } = level;
      if (events.levelChanged && reason) {
        const { onHand, reserved } = level;
        unit.publish('StockLevelChanged', { sku, warehouse, onHand, reserved, reason }, { id, version: ++level.version });
      }
      if (events.replenish) {
        unit.publish(
          'ReplenishmentRequested',
          { sku, warehouse, available: level.available, reorderPoint: level.reorderPoint },
          { id, version: ++level.version },
        );
      }
      await this.manager.update(
        StockLevel,
        { sku, warehouse },
        { onHand: level.onHand, reserved: level.reserved, reorderPoint: level.reorderPoint, version: level.version },
      );
    }
    await refreshAvailability(unit, changed.map((entry) => entry.level.sku));
  }

  private touch(level: StockLevel, reason: StockChangeReason): void {
    const entry = this.tracked.get(key(level.sku, level.warehouse));
    if (!entry) throw new Error(`stock of ${level.sku} in ${level.warehouse} changed without being locked`);
    entry.reason ??= reason;
  }
}

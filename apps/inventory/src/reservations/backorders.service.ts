import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { excludedWarehouses } from '../products/products.queries';
import type { LockedStock } from '../stock/locked-stock.queries';
import { isExcluded } from './allocation';
import { Backorder } from './backorder.entity';
import { nextOrderVersion } from './order-versions.queries';
import { Reservation } from './reservation.entity';

export interface FilledBackorder {
  orderId: string;
  lineNo: number;
  sku: string;
  quantity: number;
}

type Fill = FilledBackorder & { backorder: Backorder };

@Injectable()
export class BackordersService {
  /**
   * After stock became available at `warehouse` (receipt, release, return), fills waiting backorders
   * of those skus first come, first served, and publishes one StockReserved per order that got something.
   * Skus whose product excludes `warehouse` wait for stock elsewhere.
   */
  async fill(unit: UnitOfWork, stock: LockedStock, warehouse: string, skus: readonly string[]): Promise<FilledBackorder[]> {
    const { manager } = unit;
    const exclusions = await excludedWarehouses(manager, skus);
    const eligible = skus.filter((sku) => !isExcluded(exclusions, sku, warehouse));
    if (eligible.length === 0) return [];
    const levels = await stock.lock(eligible, warehouse);
    const waiting = await manager.find(Backorder, {
      where: { sku: In([...new Set(eligible)]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const filled: Fill[] = [];
    for (const backorder of waiting) {
      const level = levels.find((candidate) => candidate.sku === backorder.sku);
      const quantity = Math.min(level?.available ?? 0, backorder.quantity);
      if (!level || quantity <= 0) continue;
      stock.adjust(level, 'reservation', { reserved: quantity });
      backorder.quantity -= quantity;
      filled.push({ orderId: backorder.orderId, lineNo: backorder.lineNo, sku: backorder.sku, quantity, backorder });
    }
    await this.store(manager, warehouse, filled);

    const orderIds = [...new Set(filled.map((fill) => fill.orderId))];
    // Order rows are locked in id order, so two fills touching the same orders cannot deadlock on them.
    const versions = new Map<string, number>();
    for (const orderId of [...orderIds].sort()) versions.set(orderId, await nextOrderVersion(manager, orderId));
    for (const orderId of orderIds) {
      const mine = filled.filter((fill) => fill.orderId === orderId);
      const allocations = mine.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, warehouse, quantity }));
      const version = versions.get(orderId) ?? 0;
      unit.publish('StockReserved', { orderId, allocations }, { id: orderId, version }, mine[0].backorder.correlationId);
    }
    return filled.map(({ orderId, lineNo, sku, quantity }) => ({ orderId, lineNo, sku, quantity }));
  }

  private async store(manager: EntityManager, warehouse: string, filled: Fill[]): Promise<void> {
    if (filled.length === 0) return;
    const done = filled.filter(({ backorder }) => backorder.quantity === 0).map(({ backorder }) => backorder.id);
    if (done.length > 0) await manager.delete(Backorder, { id: In(done) });
    await manager.save(filled.filter(({ backorder }) => backorder.quantity > 0).map(({ backorder }) => backorder));
    await manager.insert(
      Reservation,
      filled.map(({ orderId, lineNo, sku, quantity }) => ({ orderId, lineNo, sku, warehouse, quantity })),
    );
  }
}

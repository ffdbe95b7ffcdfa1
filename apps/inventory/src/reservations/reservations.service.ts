import { Injectable } from '@nestjs/common';
import type { OrderApproved } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { StockLevel } from '../stock/stock-level.entity';
import type { Allocation, RequestedLine } from './allocation';
import { allocate } from './allocation';
import { Backorder } from './backorder.entity';
import { OrderReservation } from './order-reservation.entity';
import { Reservation } from './reservation.entity';

export interface FilledBackorder {
  orderId: string;
  lineNo: number;
  sku: string;
  quantity: number;
}

/** Rows of the given skus, locked in a fixed order so concurrent transactions cannot deadlock. */
function lockStock(manager: EntityManager, skus: string[], warehouse?: string): Promise<StockLevel[]> {
  return manager.find(StockLevel, {
    where: { sku: In(skus), ...(warehouse ? { warehouse } : {}) },
    order: { sku: 'ASC', warehouse: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
}

@Injectable()
export class ReservationsService {
  /** OrderApproved → reserve what stock allows (StockReserved), backorder the rest (StockBackordered). */
  async reserveForOrder(event: OrderApproved, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const stock = await lockStock(manager, [...new Set(event.lines.map((line) => line.sku))]);
    const { allocations, backordered } = allocate(
      event.lines,
      stock.map((level) => ({ sku: level.sku, warehouse: level.warehouse, available: level.available })),
    );
    await this.hold(manager, event.orderId, allocations, stock);
    await this.waitFor(manager, event, backordered);

    let version = 0;
    if (allocations.length > 0) {
      unit.publish('StockReserved', { orderId: event.orderId, allocations }, { id: event.orderId, version: ++version });
    }
    if (backordered.length > 0) {
      unit.publish('StockBackordered', { orderId: event.orderId, lines: backordered }, { id: event.orderId, version: ++version });
    }
    await manager.insert(OrderReservation, { orderId: event.orderId, version });
  }

  /**
   * After stock arrived at `warehouse`, fills waiting backorders of those skus first come, first
   * served, and publishes one StockReserved per order that got something.
   */
  async fillBackorders(unit: UnitOfWork, warehouse: string, skus: string[]): Promise<FilledBackorder[]> {
    const { manager } = unit;
    const waiting = await manager.find(Backorder, {
      where: { sku: In(skus) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const stock = await lockStock(manager, skus, warehouse);
    const filled: (FilledBackorder & { backorder: Backorder })[] = [];
    for (const backorder of waiting) {
      const level = stock.find((candidate) => candidate.sku === backorder.sku);
      const quantity = Math.min(level?.available ?? 0, backorder.quantity);
      if (!level || quantity === 0) continue;
      level.reserved += quantity;
      backorder.quantity -= quantity;
      filled.push({ orderId: backorder.orderId, lineNo: backorder.lineNo, sku: backorder.sku, quantity, backorder });
    }
    await this.applyFills(manager, warehouse, filled, stock);

    for (const orderId of new Set(filled.map((fill) => fill.orderId))) {
      const mine = filled.filter((fill) => fill.orderId === orderId);
      const allocations = mine.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, warehouse, quantity }));
      const version = await this.nextVersion(manager, orderId);
      unit.publish('StockReserved', { orderId, allocations }, { id: orderId, version }, mine[0].backorder.correlationId);
    }
    return filled.map(({ orderId, lineNo, sku, quantity }) => ({ orderId, lineNo, sku, quantity }));
  }

  private async applyFills(
    manager: EntityManager,
    warehouse: string,
    filled: (FilledBackorder & { backorder: Backorder })[],
    stock: StockLevel[],
  ): Promise<void> {
    if (filled.length === 0) return;
    await manager.save(stock);
    const done = filled.filter(({ backorder }) => backorder.quantity === 0).map(({ backorder }) => backorder.id);
    if (done.length > 0) await manager.delete(Backorder, { id: In(done) });
    await manager.save(filled.filter(({ backorder }) => backorder.quantity > 0).map(({ backorder }) => backorder));
    await manager.insert(
      Reservation,
      filled.map(({ orderId, lineNo, sku, quantity }) => ({ orderId, lineNo, sku, warehouse, quantity })),
    );
  }

  private async hold(manager: EntityManager, orderId: string, allocations: Allocation[], stock: StockLevel[]) {
    if (allocations.length === 0) return;
    for (const allocation of allocations) {
      const level = stock.find((row) => row.sku === allocation.sku && row.warehouse === allocation.warehouse);
      if (level) level.reserved += allocation.quantity;
    }
    await manager.save(stock);
    await manager.insert(
      Reservation,
      allocations.map((allocation) => ({ ...allocation, orderId })),
    );
  }

  private async waitFor(manager: EntityManager, event: OrderApproved, lines: RequestedLine[]) {
    if (lines.length === 0) return;
    await manager.insert(
      Backorder,
      lines.map((line) => ({ ...line, orderId: event.orderId, correlationId: event.correlationId })),
    );
  }

  private async nextVersion(manager: EntityManager, orderId: string): Promise<number> {
    const [rows] = await manager.query(
      `UPDATE order_reservations SET version = version + 1 WHERE order_id = $1 RETURNING version`,
      [orderId],
    );
    return rows[0].version;
  }
}

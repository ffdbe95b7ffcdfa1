import { Injectable } from '@nestjs/common';
import type { OrderApproved } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { excludedWarehouses } from '../products/products.queries';
import { LockedStock } from '../stock/locked-stock.queries';
import type { RequestedLine } from './allocation';
import { allocate } from './allocation';
import { Backorder } from './backorder.entity';
import { OrderReservation } from './order-reservation.entity';
import { nextOrderVersion } from './order-versions.queries';
import { Reservation } from './reservation.entity';

@Injectable()
export class ReservationsService {
  /** OrderApproved → reserve what stock allows (StockReserved), backorder the rest (StockBackordered). */
  async reserveForOrder(event: OrderApproved, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    // Approved once; a repeated approval (or one after a cancel) changes nothing — OrderAmended carries changes.
    if (await manager.existsBy(OrderReservation, { orderId: event.orderId })) return;
    const { orderId, correlationId } = event;
    await manager.insert(OrderReservation, { orderId, version: 0, status: 'active', correlationId });
    const stock = new LockedStock(manager);
    await this.reserveLines(unit, stock, orderId, event.lines, correlationId);
    await stock.flush(unit);
  }

  /**
   * Reserves `lines` of a known order from the stock there is (one warehouse for all when one can,
   * else split), backorders the rest at the end of the queue, and publishes what happened.
   */
  async reserveLines(
    unit: UnitOfWork,
    stock: LockedStock,
    orderId: string,
    requested: readonly RequestedLine[],
    correlationId: string,
  ): Promise<void> {
    // Only the line fields: callers pass event lines and release rows, and allocations copy what they get.
    const lines = requested.filter((line) => line.quantity > 0).map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity }));
    if (lines.length === 0) return;
    const { manager } = unit;
    const skus = lines.map((line) => line.sku);
    const levels = await stock.lock(skus);
    const { allocations, backordered } = allocate(
      lines,
      levels.map((level) => ({ sku: level.sku, warehouse: level.warehouse, available: level.available })),
      await excludedWarehouses(manager, skus),
    );
    for (const allocation of allocations) {
      const level = stock.find(allocation.sku, allocation.warehouse);
      if (level) stock.adjust(level, 'reservation', { reserved: allocation.quantity });
    }
    if (allocations.length > 0) {
      await manager.insert(
        Reservation,
        allocations.map((allocation) => ({ ...allocation, orderId })),
      );
      const version = await nextOrderVersion(manager, orderId);
      unit.publish('StockReserved', { orderId, allocations }, { id: orderId, version }, correlationId);
    }
    if (backordered.length > 0) {
      await manager.insert(
        Backorder,
        backordered.map((line) => ({ ...line, orderId, correlationId })),
      );
      const version = await nextOrderVersion(manager, orderId);
      unit.publish('StockBackordered', { orderId, lines: backordered }, { id: orderId, version }, correlationId);
    }
  }
}

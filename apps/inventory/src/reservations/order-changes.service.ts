import { Injectable } from '@nestjs/common';
import type { OrderAmended, OrderCancelled } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { LockedStock } from '../stock/locked-stock.queries';
import { Backorder } from './backorder.entity';
import { BackordersService } from './backorders.service';
import { OrderReservation } from './order-reservation.entity';
import type { Holding, Waiting } from './release';
import { planAmendment, planCancellation } from './release';
import type { FreedStock, ReleaseReason } from './releases.service';
import { ReleasesService } from './releases.service';
import { Reservation } from './reservation.entity';
import { ReservationsService } from './reservations.service';

/** OrderAmended and OrderCancelled: reservations and backorders follow the order's lines. */
@Injectable()
export class OrderChangesService {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly releases: ReleasesService,
    private readonly backorders: BackordersService,
  ) {}

  /**
   * Only for orders seen approved (before that, OrderApproved will carry the current lines) and
   * not cancelled. Less → StockReleased{amended}, whose stock fills other orders' backorders first;
   * more → StockReserved / StockBackordered.
   */
  async amend(event: OrderAmended, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const order = await manager.findOneBy(OrderReservation, { orderId: event.orderId });
    if (!order || order.status !== 'active') return;
    const stock = new LockedStock(manager);
    await stock.lock([...(await this.skusOf(manager, event.orderId)), ...event.lines.map((line) => line.sku)]);
    const { holdings, waiting } = await this.loadOrder(manager, event.orderId);

    const plan = planAmendment(event.lines, holdings, waiting);
    const freed = await this.releases.release(unit, stock, event.orderId, 'amended', plan);
    await this.fillBackorders(unit, stock, freed);
    await this.reservations.reserveLines(unit, stock, event.orderId, plan.additions, event.correlationId);
    await stock.flush(unit);
  }

  /** OrderCancelled: everything the order holds or waits for goes (closeOrder). */
  async cancel(event: OrderCancelled, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const order = await manager.findOneBy(OrderReservation, { orderId: event.orderId });
    if (!order) {
      // Cancelled before approval: remember it, so a stray late approval reserves nothing.
      const { orderId, correlationId } = event;
      await manager.insert(OrderReservation, { orderId, version: 0, status: 'cancelled', correlationId });
      return;
    }
    if (order.status === 'cancelled') return;
    await this.closeOrder(unit, event.orderId, 'cancelled');
  }

  /**
   * Releases every reservation of a known order not yet issued and withdraws every backorder →
   * StockReleased{reason}; the freed stock fills other orders' backorders. Issued goods stay
   * issued. The order is closed here for good: a later approval or amendment reserves nothing.
   */
  async closeOrder(unit: UnitOfWork, orderId: string, reason: Extract<ReleaseReason, 'cancelled' | 'operator'>): Promise<void> {
    const { manager } = unit;
    const stock = new LockedStock(manager);
    await stock.lock(await this.skusOf(manager, orderId));
    const { holdings, waiting } = await this.loadOrder(manager, orderId);

    const freed = await this.releases.release(unit, stock, orderId, reason, planCancellation(holdings, waiting));
    await manager.update(OrderReservation, { orderId }, { status: 'cancelled' });
    await this.fillBackorders(unit, stock, freed);
    await stock.flush(unit);
  }

  private async fillBackorders(unit: UnitOfWork, stock: LockedStock, freed: FreedStock): Promise<void> {
    for (const warehouse of [...freed.keys()].sort()) {
      await this.backorders.fill(unit, stock, warehouse, [...(freed.get(warehouse) ?? [])]);
    }
  }

  /** Skus the order holds or waits for, read before locking their stock (stock rows are locked first, always). */
  private async skusOf(manager: EntityManager, orderId: string): Promise<string[]> {
    const rows: { sku: string }[] = await manager.query(
      `SELECT sku FROM reservations WHERE order_id = $1 UNION SELECT sku FROM backorders WHERE order_id = $1`,
      [orderId],
    );
    return rows.map((row) => row.sku);
  }

  private async loadOrder(manager: EntityManager, orderId: string): Promise<{ holdings: Holding[]; waiting: Waiting[] }> {
    const lock = { mode: 'pessimistic_write' } as const;
    const reservations = await manager.find(Reservation, { where: { orderId }, order: { id: 'ASC' }, lock });
    const backorders = await manager.find(Backorder, { where: { orderId }, order: { id: 'ASC' }, lock });
    return {
      holdings: reservations,
      waiting: backorders.map(({ id, lineNo, sku, quantity }) => ({ id, lineNo, sku, quantity })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { OrderInvoice } from './order-invoice.entity';
import type { OrderLine } from './order-line.entity';
import { OrderShipment } from './order-shipment.entity';
import { orderStatus } from './order-status';
import type { OrderStatus } from './order-status';
import { OrderTimelineEntry } from './order-timeline-entry.entity';
import { Order } from './order.entity';
import { OrderNotFoundError } from './order-not-found.error';

/** A timeline entry before its status is known: what happened and a short human detail. */
export interface TimelineNote {
  event: string;
  detail: string | null;
}

/** Writes computed line quantities back onto the line entities (matched by lineNo). */
export function assignLines(lines: OrderLine[], next: readonly Partial<OrderLine>[]): void {
  for (const line of lines) Object.assign(line, next.find((candidate) => candidate.lineNo === line.lineNo));
}

/**
 * The one way an order changes, for requests and events alike: lock it, let the caller change it,
 * derive the status, add the timeline entry, and publish OrderCompleted the first time it completes.
 */
@Injectable()
export class OrderChangesService {
  /**
   * `change` edits the locked order (and may publish through `unit`); it returns the timeline
   * note, or null when nothing changed, in which case nothing is written.
   */
  async apply(
    unit: UnitOfWork,
    orderId: string,
    change: (order: Order) => TimelineNote | null | Promise<TimelineNote | null>,
  ): Promise<Order> {
    const { manager } = unit;
    const order = await this.lock(manager, orderId);
    const note = await change(order);
    if (!note) return order;

    order.status = await this.deriveStatus(manager, order);
    const entries = [{ ...note, status: order.status }];
    if (order.status === 'COMPLETED' && !order.completedAt) {
      order.completedAt = new Date();
      order.version += 1;
      unit.publish('OrderCompleted', { orderId }, { id: orderId, version: order.version });
      entries.push({ event: 'OrderCompleted', detail: 'delivered and paid', status: order.status });
    }
    await manager.save(order);
    await addTimeline(manager, orderId, entries);
    return order;
  }

  /** For events that only move line counters: `change` maps the lines to their new counts. */
  async updateLines(
    unit: UnitOfWork,
    orderId: string,
    note: TimelineNote,
    change: (lines: readonly OrderLine[]) => Partial<OrderLine>[],
  ): Promise<void> {
    await this.apply(unit, orderId, (order) => {
      assignLines(order.lines, change(order.lines));
      return note;
    });
  }

  private async lock(manager: EntityManager, orderId: string): Promise<Order> {
    const order = await manager.findOne(Order, { where: { id: orderId }, lock: { mode: 'pessimistic_write', tables: ['orders'] } });
    if (!order) throw new OrderNotFoundError(orderId);
    return order;
  }

  /** COMPLETED is final: an order completes, and says so, once. */
  private async deriveStatus(manager: EntityManager, order: Order): Promise<OrderStatus> {
    if (order.completedAt) return 'COMPLETED';
    const shipments = await manager.find(OrderShipment, { where: { orderId: order.id } });
    const invoices = await manager.find(OrderInvoice, { where: { orderId: order.id } });
    return orderStatus({
      // Only the customer checks (or a manual approval) move an order out of PLACED or HELD.
      approval: order.status === 'PLACED' || order.status === 'HELD' ? order.status : 'APPROVED',
      lines: order.lines,
      shipments: shipments.map((shipment) => ({ delivered: shipment.deliveredAt !== null })),
      invoices: invoices.map((invoice) => ({ totalMinor: invoice.totalMinor, paid: invoice.paidAt !== null })),
    });
  }
}

export async function addTimeline(
  manager: EntityManager,
  orderId: string,
  entries: { event: string; status: OrderStatus; detail: string | null }[],
): Promise<void> {
  await manager.insert(
    OrderTimelineEntry,
    entries.map((entry) => ({ ...entry, orderId })),
  );
}

import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { OrderLine } from './order-line.entity';
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
    const before = snapshot(order);
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
    await this.write(manager, order, before);
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

  /**
   * The order row first, then its lines in a statement of their own: one joined SELECT ... FOR UPDATE
   * that waited for another writer's lock would return the lines as they were before that writer
   * committed, and writing them back would undo its change.
   */
  private async lock(manager: EntityManager, orderId: string): Promise<Order> {
    const order = await manager.findOne(Order, {
      where: { id: orderId },
      lock: { mode: 'pessimistic_write' },
      loadEagerRelations: false,
    });
    if (!order) throw new OrderNotFoundError(orderId);
    order.lines = await manager.find(OrderLine, { where: { orderId }, order: { lineNo: 'ASC' } });
    return order;
  }

  /** COMPLETED is final: an order completes, and says so, once. */
  private async deriveStatus(manager: EntityManager, order: Order): Promise<OrderStatus> {
    if (order.completedAt) return 'COMPLETED';
    const [documents]: { shipments: boolean[]; invoices: { totalMinor: number; paid: boolean }[] }[] = await manager.query(
      `SELECT ARRAY(SELECT delivered_at IS NOT NULL FROM order_shipments WHERE order_id = $1) AS shipments,
              ARRAY(SELECT json_build_object('totalMinor', total_minor, 'paid', paid_at IS NOT NULL)
                      FROM order_invoices WHERE order_id = $1) AS invoices`,
      [order.id],
    );
    return orderStatus({
      // Only the customer checks (or a manual approval) move an order out of PLACED or HELD.
      approval: order.status === 'PLACED' || order.status === 'HELD' ? order.status : 'APPROVED',
      lines: order.lines,
      shipments: documents.shipments.map((delivered) => ({ delivered })),
      invoices: documents.invoices,
    });
  }

  /**
   * Writes what the change touched: the order's changed columns and its changed or added lines,
   * without the reload `save` would do first to find out (the order service's hottest path).
   */
  private async write(manager: EntityManager, order: Order, before: OrderSnapshot): Promise<void> {
    const { lines, ...columns } = order;
    const changed = Object.fromEntries(Object.entries(columns).filter(([key, value]) => before.columns[key as keyof typeof columns] !== value));
    if (Object.keys(changed).length > 0) await manager.update(Order, { id: order.id }, changed);
    const changedLines = lines.filter((line) => !sameLine(before.lines.get(line.lineNo), line));
    if (changedLines.length > 0) await manager.upsert(OrderLine, changedLines, ['orderId', 'lineNo']);
  }
}

interface OrderSnapshot {
  columns: Omit<Order, 'lines'>;
  lines: Map<number, OrderLine>;
}

function snapshot({ lines, ...columns }: Order): OrderSnapshot {
  return { columns, lines: new Map(lines.map((line) => [line.lineNo, { ...line }])) };
}

function sameLine(before: OrderLine | undefined, after: OrderLine): boolean {
  return before !== undefined && Object.entries(after).every(([key, value]) => before[key as keyof OrderLine] === value);
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

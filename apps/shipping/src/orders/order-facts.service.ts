import { Injectable } from '@nestjs/common';
import type { OrderAmended, OrderCancelled, OrderPlaced, StockReleased, StockReserved } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { ShipmentPlanner } from '../shipments/shipment-planner.service';
import { OrderedLine } from './ordered-line.entity';
import { ShippingOrder } from './shipping-order.entity';

interface QuantityChange {
  lineNo: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/**
 * Keeps what the orders and reservations topics say about an order, then re-plans its shipments.
 * The topics are not ordered against each other, so every fact is stored whatever arrived first.
 */
@Injectable()
export class OrderFactsService {
  constructor(private readonly planner: ShipmentPlanner) {}

  async orderPlaced(event: OrderPlaced, unit: UnitOfWork): Promise<void> {
    const order = await this.lockOrder(unit.manager, event.orderId);
    Object.assign(order, { placed: true, allowPartialShipment: event.allowPartialShipment, shippingAddress: event.shippingAddress });
    await unit.manager.save(order);
    await this.setOrdered(unit.manager, event.orderId, event.lines, false);
    await this.planner.replan(unit, order);
  }

  /** lines is the whole order after the change: a line missing from it counts as removed. */
  async orderAmended(event: OrderAmended, unit: UnitOfWork): Promise<void> {
    const order = await this.lockOrder(unit.manager, event.orderId);
    await this.setOrdered(unit.manager, event.orderId, event.lines, true);
    await this.planner.replan(unit, order);
  }

  async orderCancelled(event: OrderCancelled, unit: UnitOfWork): Promise<void> {
    const order = await this.lockOrder(unit.manager, event.orderId);
    if (order.cancelledAt === null) {
      order.cancelledAt = new Date(event.occurredAt);
      await unit.manager.save(order);
    }
    await this.planner.replan(unit, order);
  }

  async stockReserved(event: StockReserved, unit: UnitOfWork): Promise<void> {
    const order = await this.lockOrder(unit.manager, event.orderId);
    await this.changeReserved(unit.manager, event.orderId, event.allocations);
    await this.planner.replan(unit, order);
  }

  /** Backorders withdrawn change nothing here: shipping only ever sees reserved stock. */
  async stockReleased(event: StockReleased, unit: UnitOfWork): Promise<void> {
    const order = await this.lockOrder(unit.manager, event.orderId);
    await this.changeReserved(
      unit.manager,
      event.orderId,
      event.allocations.map((allocation) => ({ ...allocation, quantity: -allocation.quantity })),
    );
    await this.planner.replan(unit, order, event.reason || 'amended');
  }

  /** The order's row, created empty if this is the first event about it, locked for this transaction. */
  private async lockOrder(manager: EntityManager, orderId: string): Promise<ShippingOrder> {
    await manager.createQueryBuilder().insert().into(ShippingOrder).values({ orderId }).orIgnore().execute();
    return manager.findOneOrFail(ShippingOrder, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
  }

  private async setOrdered(
    manager: EntityManager,
    orderId: string,
    lines: { lineNo: number; sku: string; quantity: number }[],
    wholeList: boolean,
  ): Promise<void> {
    if (wholeList) {
      await manager.query(`UPDATE ordered_lines SET ordered = 0 WHERE order_id = $1 AND NOT (line_no = ANY($2::int[]))`, [
        orderId,
        lines.map((line) => line.lineNo),
      ]);
    }
    if (lines.length === 0) return;
    await manager.upsert(
      OrderedLine,
      lines.map(({ lineNo, sku, quantity }) => ({ orderId, lineNo, sku, ordered: quantity })),
      ['orderId', 'lineNo'],
    );
  }

  private async changeReserved(manager: EntityManager, orderId: string, changes: QuantityChange[]): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO reserved_quantities (order_id, line_no, warehouse, sku, quantity)
       SELECT $1, line_no, warehouse, sku, sum(quantity)
         FROM unnest($2::int[], $3::text[], $4::text[], $5::int[]) AS t(line_no, warehouse, sku, quantity)
        GROUP BY line_no, warehouse, sku
       ON CONFLICT (order_id, line_no, warehouse)
       DO UPDATE SET quantity = reserved_quantities.quantity + EXCLUDED.quantity`,
      [
        orderId,
        changes.map((change) => change.lineNo),
        changes.map((change) => change.warehouse),
        changes.map((change) => change.sku),
        changes.map((change) => change.quantity),
      ],
    );
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReservationLineView, ReservationView, WarehouseReservationView } from './dto/reservation-view.dto';
import type { ReservedOrderPageView } from './dto/reserved-order-page.dto';
import { OrderReservation } from './order-reservation.entity';

interface WarehouseRow {
  line_no: number;
  sku: string;
  warehouse: string;
  reserved: number;
  held: number;
  issued: number;
  released: number;
  returned: number;
}

const WAREHOUSE_TOTALS = `
  SELECT line_no, sku, warehouse,
         sum(reserved)::int AS reserved, sum(held)::int AS held, sum(issued)::int AS issued,
         sum(released)::int AS released, sum(returned)::int AS returned
    FROM (
      SELECT line_no, sku, warehouse, quantity - released AS reserved, quantity - issued - released AS held,
             0 AS issued, released, 0 AS returned
        FROM reservations WHERE order_id = $1
      UNION ALL
      SELECT line_no, sku, warehouse, 0, 0,
             CASE WHEN kind = 'issue' THEN quantity ELSE 0 END, 0, CASE WHEN kind = 'return' THEN quantity ELSE 0 END
        FROM stock_movements WHERE order_id = $1
    ) AS per_row
   GROUP BY line_no, sku, warehouse
   ORDER BY line_no, sku, warehouse`;

const ORDER_TOTALS = `
  SELECT o.order_id, o.status,
         coalesce((SELECT sum(quantity - issued - released) FROM reservations r WHERE r.order_id = o.order_id), 0)::int AS held,
         coalesce((SELECT sum(quantity) FROM backorders b WHERE b.order_id = o.order_id), 0)::int AS backordered
    FROM order_reservations o
   WHERE $1::uuid IS NULL OR o.order_id > $1
   ORDER BY o.order_id
   LIMIT $2`;

/**
 * GET /v1/reservations?orderId=: what inventory holds, issued and released for an order, per line
 * and warehouse; GET /v1/reservations/orders: every order it has seen, with what it still holds.
 */
@Injectable()
export class ReservationViewService {
  constructor(private readonly dataSource: DataSource) {}

  async view(orderId: string): Promise<ReservationView> {
    const order = await this.dataSource.manager.findOneBy(OrderReservation, { orderId });
    const rows: WarehouseRow[] = await this.dataSource.query(WAREHOUSE_TOTALS, [orderId]);
    const waiting: { line_no: number; sku: string; quantity: number }[] = await this.dataSource.query(
      `SELECT line_no, sku, sum(quantity)::int AS quantity FROM backorders WHERE order_id = $1 GROUP BY line_no, sku`,
      [orderId],
    );
    if (!order && rows.length === 0) throw new NotFoundException(`Inventory has not seen order ${orderId}`);

    const lines = new Map<string, ReservationLineView>();
    const lineOf = (lineNo: number, sku: string) => {
      const key = `${lineNo}\u0000${sku}`;
      const line = lines.get(key) ?? { lineNo, sku, backordered: 0, warehouses: [] };
      lines.set(key, line);
      return line;
    };
    for (const row of rows) {
      const { warehouse, reserved, held, issued, released, returned } = row;
      const view: WarehouseReservationView = { warehouse, reserved, held, issued, released, returned };
      lineOf(row.line_no, row.sku).warehouses.push(view);
    }
    for (const row of waiting) lineOf(row.line_no, row.sku).backordered = row.quantity;
    return {
      orderId,
      status: order?.status ?? 'unknown',
      lines: [...lines.values()].sort((a, b) => a.lineNo - b.lineNo || a.sku.localeCompare(b.sku)),
    };
  }

  /** Every order inventory has seen approved or cancelled, by order id, a page at a time. */
  async listOrders(afterOrderId: string | undefined, limit: number): Promise<ReservedOrderPageView> {
    const rows: { order_id: string; status: string; held: number; backordered: number }[] = await this.dataSource.query(ORDER_TOTALS, [
      afterOrderId ?? null,
      limit + 1,
    ]);
    const items = rows.slice(0, limit).map((row) => ({ orderId: row.order_id, status: row.status, held: row.held, backordered: row.backordered }));
    return { items, nextAfterOrderId: rows.length > limit ? items[items.length - 1].orderId : null };
  }
}

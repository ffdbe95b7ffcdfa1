import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '../orders/order-status';
import type { OrderFacts, StuckLimits } from './stuck-order-rule';

/** An order that may be stuck, with the facts the rule needs. */
export interface StuckCandidate extends OrderFacts {
  orderId: string;
  customerId: string;
  channel: string;
}

interface OrderRow {
  id: string;
  customer_id: string;
  channel: string;
  status: OrderStatus;
  status_since: Date;
  hold_reason: string | null;
  hold_detail: string | null;
}

const seconds = (now: Date, limit: number) => new Date(now.getTime() - limit * 1000);

/**
 * Orders past their status's limit, with a failed label, waiting for a withdrawn product, with a
 * shipment the carrier returned, lost or damaged, or delivered with an invoice unpaid after its due day, after `afterId` by id: a superset of what
 * stuckVerdict calls stuck (it decides). Index orders_waiting narrows each status to the orders
 * older than its limit; the withdrawn products (few) lead to their unreserved lines by
 * order_lines_unreserved.
 */
export async function findStuckCandidates(
  manager: EntityManager,
  limits: StuckLimits,
  now: Date,
  afterId: string | null,
  limit: number,
): Promise<StuckCandidate[]> {
  const rows: OrderRow[] = await manager.query(
    `SELECT o.id, o.customer_id, o.channel, o.status, o.status_since, o.hold_reason, o.hold_detail
       FROM orders o
      WHERE ($1::uuid IS NULL OR o.id > $1)
        AND ((o.status = 'HELD' AND o.status_since < $2)
          OR (o.status = 'APPROVED' AND o.status_since < $3)
          OR (o.status IN ('BACKORDERED', 'PARTIALLY_RESERVED') AND o.status_since < least($3, $4))
          OR (o.status = 'RESERVED' AND o.status_since < $5)
          OR (o.status = 'PARTIALLY_SHIPPED' AND o.status_since < $6)
          OR (o.status IN ('RESERVED', 'PARTIALLY_SHIPPED') AND EXISTS (SELECT 1 FROM order_label_failures f WHERE f.order_id = o.id))
          OR (o.status IN ('APPROVED', 'BACKORDERED', 'PARTIALLY_RESERVED') AND o.id IN (
                SELECT l.order_id FROM products p JOIN order_lines l ON l.sku = p.sku AND l.reserved < l.quantity - l.cancelled
                 WHERE p.status <> 'ACTIVE'))
          OR (o.status = 'SHIPPED' AND o.status_since < $7)
          OR (o.status IN ('PARTIALLY_SHIPPED', 'SHIPPED') AND EXISTS (SELECT 1 FROM order_shipments s WHERE s.order_id = o.id AND s.exception IS NOT NULL))
          OR (o.status = 'DELIVERED' AND EXISTS (
                SELECT 1 FROM order_invoices i WHERE i.order_id = o.id AND i.paid_at IS NULL AND i.total_minor > 0 AND i.due_date < $8)))
      ORDER BY o.id
      LIMIT $9`,
    [
      afterId,
      seconds(now, limits.HELD),
      seconds(now, limits.APPROVED),
      seconds(now, limits.BACKORDERED),
      seconds(now, limits.RESERVED),
      seconds(now, limits.PARTIALLY_SHIPPED),
      seconds(now, limits.SHIPPED),
      now.toISOString().slice(0, 10),
      limit,
    ],
  );
  return withFacts(manager, rows);
}

async function withFacts(manager: EntityManager, rows: OrderRow[]): Promise<StuckCandidate[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [backordered, withdrawn, failures, exceptions, invoices]: [
    { order_id: string; sku: string; quantity: number }[],
    { order_id: string; sku: string; status: string; updated_at: Date }[],
    { order_id: string; shipment_id: string; reason: string; failed_at: Date }[],
    { order_id: string; shipment_id: string; exception: string; exception_detail: string | null; exception_at: Date }[],
    { order_id: string; invoice_number: string; due_date: string; outstanding: string }[],
  ] = await Promise.all([
    manager.query(`SELECT order_id, sku, backordered AS quantity FROM order_lines WHERE order_id = ANY($1) AND backordered > 0 ORDER BY line_no`, [ids]),
    manager.query(
      `SELECT l.order_id, l.sku, p.status, p.updated_at
         FROM order_lines l JOIN products p ON p.sku = l.sku
        WHERE l.order_id = ANY($1) AND p.status <> 'ACTIVE' AND l.reserved < l.quantity - l.cancelled
        ORDER BY l.line_no`,
      [ids],
    ),
    manager.query(`SELECT order_id, shipment_id, reason, failed_at FROM order_label_failures WHERE order_id = ANY($1)`, [ids]),
    manager.query(
      `SELECT order_id, shipment_id, exception, exception_detail, exception_at FROM order_shipments
        WHERE order_id = ANY($1) AND exception IS NOT NULL ORDER BY exception_at, shipment_id`,
      [ids],
    ),
    manager.query(
      `SELECT order_id, invoice_number, due_date, total_minor - paid_minor AS outstanding
         FROM order_invoices WHERE order_id = ANY($1) AND paid_at IS NULL AND total_minor > 0`,
      [ids],
    ),
  ]);
  const of = <T extends { order_id: string }>(list: T[], id: string) => list.filter((item) => item.order_id === id);
  return rows.map((row) => ({
    orderId: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    status: row.status,
    since: row.status_since,
    holdReason: row.hold_reason,
    holdDetail: row.hold_detail,
    backordered: of(backordered, row.id).map(({ sku, quantity }) => ({ sku, quantity })),
    withdrawnProducts: of(withdrawn, row.id).map((product) => ({ sku: product.sku, status: product.status, since: product.updated_at })),
    labelFailures: of(failures, row.id).map((failure) => ({ shipmentId: failure.shipment_id, reason: failure.reason, failedAt: failure.failed_at })),
    shipmentExceptions: of(exceptions, row.id).map((shipment) => ({
      shipmentId: shipment.shipment_id,
      exception: shipment.exception,
      detail: shipment.exception_detail,
      since: shipment.exception_at,
    })),
    unpaidInvoices: of(invoices, row.id).map((invoice) => ({
      invoiceNumber: invoice.invoice_number,
      dueDate: invoice.due_date,
      outstandingMinor: Number(invoice.outstanding),
    })),
  }));
}

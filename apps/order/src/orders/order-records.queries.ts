import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { OrderInvoice } from './order-invoice.entity';
import { OrderReturn } from './order-return.entity';
import { OrderShipment } from './order-shipment.entity';
import { OrderTimelineEntry } from './order-timeline-entry.entity';
import type { OrderRecords } from './order-view';
import { Order } from './order.entity';

/** Everything the view of each order needs, for many orders in five queries; in the order of `orderIds`, unknown ids left out. */
export async function loadOrderRecords(manager: EntityManager, orderIds: readonly string[]): Promise<OrderRecords[]> {
  if (orderIds.length === 0) return [];
  const where = { orderId: In([...orderIds]) };
  const orders = await manager.find(Order, { where: { id: In([...orderIds]) } });
  const timeline = await manager.find(OrderTimelineEntry, { where, order: { id: 'ASC' } });
  const shipments = await manager.find(OrderShipment, { where, order: { dispatchedAt: 'ASC', shipmentId: 'ASC' } });
  const invoices = await manager.find(OrderInvoice, { where, order: { issuedAt: 'ASC', invoiceId: 'ASC' } });
  const returns = await manager.find(OrderReturn, { where, order: { requestedAt: 'ASC', returnId: 'ASC' } });
  const byId = new Map(orders.map((order) => [order.id, order]));
  return orderIds.flatMap((orderId) => {
    const order = byId.get(orderId);
    if (!order) return [];
    const mine = <T extends { orderId: string }>(rows: readonly T[]) => rows.filter((row) => row.orderId === orderId);
    return [{ order, timeline: mine(timeline), shipments: mine(shipments), invoices: mine(invoices), returns: mine(returns) }];
  });
}

import type { OrderView } from './dto/order-view.dto';
import type { HoldReason } from './hold-reason';
import type { OrderInvoice } from './order-invoice.entity';
import type { OrderReturn } from './order-return.entity';
import type { OrderShipment } from './order-shipment.entity';
import type { OrderTimelineEntry } from './order-timeline-entry.entity';
import type { Order } from './order.entity';

export interface OrderRecords {
  order: Order;
  timeline: readonly OrderTimelineEntry[];
  shipments: readonly OrderShipment[];
  invoices: readonly OrderInvoice[];
  returns: readonly OrderReturn[];
}

/** The API's picture of an order: per line what every service reported, and the history. */
export function toOrderView({ order, timeline, shipments, invoices, returns }: OrderRecords): OrderView {
  return {
    id: order.id,
    status: order.status,
    hold:
      order.status === 'HELD' && order.holdReason
        ? { reason: order.holdReason as HoldReason, detail: order.holdDetail ?? '', since: (order.heldSince ?? order.createdAt).toISOString() }
        : null,
    channel: order.channel,
    channelOrderNumber: order.channelOrderNumber,
    customerId: order.customerId,
    currency: order.currency,
    allowPartialShipment: order.allowPartialShipment,
    shippingAddress: order.shippingAddress,
    lines: [...order.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((line) => ({
        lineNo: line.lineNo,
        sku: line.sku,
        ordered: line.quantity,
        reserved: line.reserved,
        backordered: line.backordered,
        shipped: line.shipped,
        invoiced: line.invoiced,
        cancelled: line.cancelled,
        returnRequested: line.returnRequested,
        returned: line.returned,
        credited: line.credited,
        unitPriceMinor: line.unitPriceMinor,
        taxRateBp: line.taxRateBp,
      })),
    shipments: shipments.map((shipment) => ({
      shipmentId: shipment.shipmentId,
      warehouse: shipment.warehouse,
      trackingNumber: shipment.trackingNumber,
      dispatchedAt: shipment.dispatchedAt.toISOString(),
      deliveredAt: shipment.deliveredAt?.toISOString() ?? null,
      deliveryAttempts: shipment.deliveryAttempts,
      exception: shipment.exception,
      exceptionDetail: shipment.exceptionDetail,
      exceptionAt: shipment.exceptionAt?.toISOString() ?? null,
    })),
    invoices: invoices.map((invoice) => ({
      invoiceId: invoice.invoiceId,
      invoiceNumber: invoice.invoiceNumber,
      shipmentId: invoice.shipmentId,
      dueDate: invoice.dueDate,
      totalMinor: invoice.totalMinor,
      paidMinor: invoice.paidMinor,
      paid: invoice.paidAt !== null,
    })),
    returns: returns.map((entry) => ({
      returnId: entry.returnId,
      status: entry.status,
      lines: entry.lines,
      requestedAt: entry.requestedAt.toISOString(),
      receivedAt: entry.receivedAt?.toISOString() ?? null,
    })),
    timeline: timeline.map((entry) => ({
      at: entry.at.toISOString(),
      event: entry.event,
      status: entry.status,
      detail: entry.detail,
    })),
    createdAt: order.createdAt.toISOString(),
    completedAt: order.completedAt?.toISOString() ?? null,
  };
}

import type { OrderView } from './dto/order-view.dto';
import type { Order } from './order.entity';
import type { OrderTimelineEntry } from './order-timeline-entry.entity';

/** The API's picture of an order; shipping, invoicing and returns fill their columns later. */
export function toOrderView(order: Order, timeline: readonly OrderTimelineEntry[]): OrderView {
  return {
    id: order.id,
    status: order.status,
    channel: order.channel,
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
        shipped: 0,
        invoiced: 0,
        returned: 0,
        unitPriceMinor: line.unitPriceMinor,
        taxRateBp: line.taxRateBp,
      })),
    timeline: timeline.map((entry) => ({
      at: entry.at.toISOString(),
      event: entry.event,
      status: entry.status,
      detail: entry.detail,
    })),
    createdAt: order.createdAt.toISOString(),
  };
}

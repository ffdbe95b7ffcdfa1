import type { PlacedOrder } from './order-load';

/** InvoiceIssued as seen on the topic: when, per order, and whether a record came twice. */
export class InvoicesSeen {
  repeatedRecords = 0;
  private readonly eventIds = new Set<string>();
  private readonly byOrder = new Map<string, number[]>();

  /** False for a record seen before. */
  seen(event: { eventId: string; orderId: string }, seenAt: number): boolean {
    if (this.eventIds.has(event.eventId)) {
      this.repeatedRecords++;
      return false;
    }
    this.eventIds.add(event.eventId);
    this.byOrder.set(event.orderId, [...(this.byOrder.get(event.orderId) ?? []), seenAt]);
    return true;
  }

  /** When the order's last expected invoice (one per shipment) was seen; undefined while one is missing. */
  completedAt(order: PlacedOrder): number | undefined {
    const seen = this.byOrder.get(order.id) ?? [];
    return seen.length >= order.shipments ? seen[order.shipments - 1] : undefined;
  }

  allOf(orders: PlacedOrder[]): boolean {
    return orders.every((order) => this.completedAt(order) !== undefined);
  }

  /** Orders with more invoices than shipments: duplicated effects. */
  overInvoiced(orders: PlacedOrder[]): number {
    return orders.filter((order) => (this.byOrder.get(order.id)?.length ?? 0) > order.shipments).length;
  }
}

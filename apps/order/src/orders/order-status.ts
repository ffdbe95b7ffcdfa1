/** Order life cycle of docs/design.md#order-statuses. */
export const ORDER_STATUSES = [
  'PLACED',
  'HELD',
  'APPROVED',
  'BACKORDERED',
  'PARTIALLY_RESERVED',
  'RESERVED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses after which the order's lines can no longer change. */
export const CLOSED_STATUSES: readonly OrderStatus[] = ['CANCELLED', 'COMPLETED'];

export interface LineProgress {
  /** Ordered after amendments; 0 = removed. */
  quantity: number;
  cancelled: number;
  reserved: number;
  backordered: number;
  shipped: number;
  invoiced: number;
}

export interface OrderProgress {
  /** Where the customer checks stand; every status past APPROVED needs APPROVED. */
  approval: 'PLACED' | 'HELD' | 'APPROVED';
  lines: readonly LineProgress[];
  shipments: readonly { delivered: boolean }[];
  invoices: readonly { totalMinor: number; paid: boolean }[];
}

/**
 * The status that follows from what the order knows. Nothing shipped and something cancelled →
 * CANCELLED; otherwise the shipped part decides (cancelling after a partial dispatch leaves an
 * order whose remaining, shipped part goes on to DELIVERED and COMPLETED); before any dispatch
 * the reservations decide. COMPLETED = every non-cancelled quantity shipped, every shipment
 * delivered, every shipped quantity invoiced and every invoice paid.
 */
export function orderStatus(progress: OrderProgress): OrderStatus {
  const lines = progress.lines;
  // A held order cancelled before approval had nothing reserved or shipped: it simply ends.
  if (progress.approval !== 'APPROVED') return lines.some((line) => line.cancelled > 0) ? 'CANCELLED' : progress.approval;
  const open = (line: LineProgress) => Math.max(0, line.quantity - line.cancelled);
  const anyShipped = lines.some((line) => line.shipped > 0);

  if (!anyShipped) {
    if (lines.some((line) => line.cancelled > 0)) return 'CANCELLED';
    return reservationStatus(lines, open);
  }
  if (lines.some((line) => line.shipped < open(line))) return 'PARTIALLY_SHIPPED';
  const delivered = progress.shipments.length > 0 && progress.shipments.every((shipment) => shipment.delivered);
  if (!delivered) return 'SHIPPED';
  const invoicedInFull = lines.every((line) => line.invoiced >= line.shipped);
  const paidInFull = progress.invoices.every((invoice) => invoice.paid || invoice.totalMinor <= 0);
  return invoicedInFull && paidInFull ? 'COMPLETED' : 'DELIVERED';
}

function reservationStatus(lines: readonly LineProgress[], open: (line: LineProgress) => number): OrderStatus {
  if (lines.every((line) => line.reserved >= open(line))) return 'RESERVED';
  if (lines.some((line) => line.reserved > 0)) return 'PARTIALLY_RESERVED';
  if (lines.some((line) => line.backordered > 0)) return 'BACKORDERED';
  return 'APPROVED';
}

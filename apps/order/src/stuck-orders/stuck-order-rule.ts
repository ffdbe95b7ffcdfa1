import type { OrderStatus } from '../orders/order-status';

export const STUCK_REASONS = [
  'CREDIT_HOLD',
  'UNKNOWN_CUSTOMER',
  'ACCOUNT_HOLD',
  'BACKORDERED',
  'PRODUCT_DISCONTINUED',
  'AWAITING_RESERVATION',
  'AWAITING_SHIPMENT',
  'AWAITING_DELIVERY',
  'SHIPMENT_EXCEPTION',
  'AWAITING_PAYMENT',
] as const;
export type StuckReason = (typeof STUCK_REASONS)[number];

/** What fixes it, as a hint the console turns into a button. */
export const STUCK_ACTIONS = ['approve', 'retry-label', 'replay-dead-letter', 'receive-stock', 'amend-order', 'none'] as const;
export type StuckAction = (typeof STUCK_ACTIONS)[number];

/** Seconds an order may stay in a status before it counts as stuck (DELIVERED waits for its invoices' due dates instead). */
export interface StuckLimits {
  HELD: number;
  APPROVED: number;
  BACKORDERED: number;
  RESERVED: number;
  PARTIALLY_SHIPPED: number;
  SHIPPED: number;
}

/** The statuses an order can be stuck in; PLACED lasts one transaction, COMPLETED and CANCELLED are final. */
export const WAITING_STATUSES = ['HELD', 'APPROVED', 'BACKORDERED', 'PARTIALLY_RESERVED', 'RESERVED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED'] as const;
export type WaitingStatus = (typeof WAITING_STATUSES)[number];

/** What the order service knows of one order that bears on whether it moves on. */
export interface OrderFacts {
  status: OrderStatus;
  /** When it entered its status. */
  since: Date;
  holdReason: string | null;
  holdDetail: string | null;
  backordered: readonly { sku: string; quantity: number }[];
  /** Products the product master withdrew (DISCONTINUED or BLOCKED) that lines not yet reserved wait for, with when. */
  withdrawnProducts: readonly { sku: string; status: string; since: Date }[];
  /** Labels the carrier refused after every retry, not made since. */
  labelFailures: readonly { shipmentId: string; reason: string; failedAt: Date }[];
  /** Dispatched shipments the carrier reported RETURNED_TO_SENDER, LOST or DAMAGED, not delivered since. */
  shipmentExceptions: readonly { shipmentId: string; exception: string; detail: string | null; since: Date }[];
  unpaidInvoices: readonly { invoiceNumber: string; dueDate: string; outstandingMinor: number }[];
}

export interface StuckVerdict {
  reason: StuckReason;
  detail: string;
  action: StuckAction;
  limitSeconds: number;
  overdueSeconds: number;
}

const HOLDS: Record<string, StuckReason> = {
  CREDIT_LIMIT_EXCEEDED: 'CREDIT_HOLD',
  UNKNOWN_CUSTOMER: 'UNKNOWN_CUSTOMER',
  ACCOUNT_HOLD: 'ACCOUNT_HOLD',
};

/**
 * Whether an order has stopped moving, why, and what would move it. Each status waits for the next
 * step of another service or a person, for at most its limit. Three causes count at once, without a
 * limit, since nothing moves until someone acts: a label the carrier refused after every retry, a
 * product withdrawn from the master while lines of it wait for stock, and a shipment the carrier
 * returned, lost or damaged.
 */
export function stuckVerdict(facts: OrderFacts, limits: StuckLimits, now: Date): StuckVerdict | null {
  const waited = (now.getTime() - facts.since.getTime()) / 1000;
  const past = (limitSeconds: number, found: Omit<StuckVerdict, 'limitSeconds' | 'overdueSeconds'>): StuckVerdict | null =>
    waited > limitSeconds ? { ...found, limitSeconds, overdueSeconds: Math.floor(waited - limitSeconds) } : null;

  switch (facts.status) {
    case 'HELD': {
      const reason = HOLDS[facts.holdReason ?? ''] ?? 'CREDIT_HOLD';
      return past(limits.HELD, { reason, detail: `held: ${facts.holdReason ?? 'unknown reason'}${facts.holdDetail ? ` (${facts.holdDetail})` : ''}`, action: 'approve' });
    }
    case 'APPROVED':
      return withdrawnProduct(facts, now) ?? past(limits.APPROVED, awaitingReservation);
    case 'BACKORDERED':
    case 'PARTIALLY_RESERVED': {
      const withdrawn = withdrawnProduct(facts, now);
      if (withdrawn) return withdrawn;
      if (facts.backordered.length > 0) {
        const what = facts.backordered.map((line) => `${line.quantity}×${line.sku}`).join(', ');
        return past(limits.BACKORDERED, { reason: 'BACKORDERED', detail: `backordered: ${what}`, action: 'receive-stock' });
      }
      return past(limits.APPROVED, awaitingReservation);
    }
    case 'RESERVED':
      return labelFailure(facts, now) ?? past(limits.RESERVED, awaitingShipment(facts.status));
    case 'PARTIALLY_SHIPPED':
      return labelFailure(facts, now) ?? shipmentException(facts, now) ?? past(limits.PARTIALLY_SHIPPED, awaitingShipment(facts.status));
    case 'SHIPPED':
      return (
        shipmentException(facts, now) ??
        past(limits.SHIPPED, { reason: 'AWAITING_DELIVERY', detail: 'dispatched, no delivery reported by the carrier', action: 'none' })
      );
    case 'DELIVERED':
      return overdueInvoice(facts, now);
    default:
      return null;
  }
}

const awaitingReservation = {
  reason: 'AWAITING_RESERVATION',
  detail: 'inventory has not reserved it: look for a dead letter of this order or a paused partition in inventory',
  action: 'replay-dead-letter',
} as const;

function awaitingShipment(status: OrderStatus): Omit<StuckVerdict, 'limitSeconds' | 'overdueSeconds'> {
  const what = status === 'RESERVED' ? 'reserved' : 'partly shipped';
  return { reason: 'AWAITING_SHIPMENT', detail: `${what}, the rest not dispatched by the warehouse`, action: 'none' };
}

/** No stock will come for a withdrawn product: the line must go (amendment) or the order be cancelled. */
function withdrawnProduct(facts: OrderFacts, now: Date): StuckVerdict | null {
  const [first] = [...facts.withdrawnProducts].sort((a, b) => a.since.getTime() - b.since.getTime());
  if (!first) return null;
  const skus = [...new Map(facts.withdrawnProducts.map((product) => [product.sku, `${product.sku} (${product.status})`])).values()];
  return {
    reason: 'PRODUCT_DISCONTINUED',
    detail: `waits for a product withdrawn from the product master: ${skus.join(', ')}`,
    action: 'amend-order',
    limitSeconds: 0,
    overdueSeconds: Math.max(0, Math.floor((now.getTime() - first.since.getTime()) / 1000)),
  };
}

function labelFailure(facts: OrderFacts, now: Date): StuckVerdict | null {
  const [first] = [...facts.labelFailures].sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime());
  if (!first) return null;
  const failures = facts.labelFailures.map((failure) => `shipment ${failure.shipmentId}: ${failure.reason}`).join('; ');
  return {
    reason: 'AWAITING_SHIPMENT',
    detail: `label failed: ${failures}`,
    action: 'retry-label',
    limitSeconds: 0,
    overdueSeconds: Math.max(0, Math.floor((now.getTime() - first.failedAt.getTime()) / 1000)),
  };
}

/** The carrier will not deliver these goods: an operator decides between a replacement and a credit note. */
function shipmentException(facts: OrderFacts, now: Date): StuckVerdict | null {
  const [first] = [...facts.shipmentExceptions].sort((a, b) => a.since.getTime() - b.since.getTime());
  if (!first) return null;
  const shipments = facts.shipmentExceptions.map(
    (shipment) => `shipment ${shipment.shipmentId} ${shipment.exception}${shipment.detail ? ` (${shipment.detail})` : ''}`,
  );
  return {
    reason: 'SHIPMENT_EXCEPTION',
    detail: `carrier exception: ${shipments.join('; ')}`,
    action: 'none',
    limitSeconds: 0,
    overdueSeconds: Math.max(0, Math.floor((now.getTime() - first.since.getTime()) / 1000)),
  };
}

/** Due dates are calendar days (UTC): an invoice is overdue once its due day is over. */
function overdueInvoice(facts: OrderFacts, now: Date): StuckVerdict | null {
  const overdue = facts.unpaidInvoices
    .map((invoice) => ({ ...invoice, deadline: Date.parse(`${invoice.dueDate}T00:00:00Z`) + 86_400_000 }))
    .filter((invoice) => invoice.deadline < now.getTime())
    .sort((a, b) => a.deadline - b.deadline);
  const [oldest] = overdue;
  if (!oldest) return null;
  return {
    reason: 'AWAITING_PAYMENT',
    detail: `unpaid past the due date: ${overdue.map((invoice) => `${invoice.invoiceNumber} due ${invoice.dueDate}, ${invoice.outstandingMinor} outstanding`).join('; ')}`,
    action: 'none',
    limitSeconds: Math.max(0, Math.floor((oldest.deadline - facts.since.getTime()) / 1000)),
    overdueSeconds: Math.floor((now.getTime() - oldest.deadline) / 1000),
  };
}

/** Every status and reason the rule can answer: the metric reports each pair from the start. */
export const STUCK_SERIES: readonly { status: WaitingStatus; reason: StuckReason }[] = [
  { status: 'HELD', reason: 'CREDIT_HOLD' },
  { status: 'HELD', reason: 'UNKNOWN_CUSTOMER' },
  { status: 'HELD', reason: 'ACCOUNT_HOLD' },
  { status: 'APPROVED', reason: 'AWAITING_RESERVATION' },
  { status: 'APPROVED', reason: 'PRODUCT_DISCONTINUED' },
  { status: 'BACKORDERED', reason: 'BACKORDERED' },
  { status: 'BACKORDERED', reason: 'PRODUCT_DISCONTINUED' },
  { status: 'BACKORDERED', reason: 'AWAITING_RESERVATION' },
  { status: 'PARTIALLY_RESERVED', reason: 'BACKORDERED' },
  { status: 'PARTIALLY_RESERVED', reason: 'PRODUCT_DISCONTINUED' },
  { status: 'PARTIALLY_RESERVED', reason: 'AWAITING_RESERVATION' },
  { status: 'RESERVED', reason: 'AWAITING_SHIPMENT' },
  { status: 'PARTIALLY_SHIPPED', reason: 'AWAITING_SHIPMENT' },
  { status: 'PARTIALLY_SHIPPED', reason: 'SHIPMENT_EXCEPTION' },
  { status: 'SHIPPED', reason: 'AWAITING_DELIVERY' },
  { status: 'SHIPPED', reason: 'SHIPMENT_EXCEPTION' },
  { status: 'DELIVERED', reason: 'AWAITING_PAYMENT' },
];

import { OrderRuleViolation } from '../orders/order-rule-violation';
import type { OrderStatus } from '../orders/order-status';
import { CLOSED_STATUSES } from '../orders/order-status';

export interface CancellableLine {
  lineNo: number;
  sku: string;
  quantity: number;
  shipped: number;
  cancelled: number;
}

export interface CancelledQuantity {
  lineNo: number;
  sku: string;
  quantity: number;
}

/**
 * What a cancellation cancels: per line everything ordered and not yet shipped (or cancelled).
 * Before dispatch that is the whole order; after a partial dispatch, the rest. Nothing left → 409.
 */
export function quantitiesToCancel(status: OrderStatus, lines: readonly CancellableLine[]): CancelledQuantity[] {
  if (CLOSED_STATUSES.includes(status)) throw new OrderRuleViolation('conflict', `the order is already ${status}`);
  const remaining = lines
    .map(({ lineNo, sku, quantity, shipped, cancelled }) => ({ lineNo, sku, quantity: quantity - shipped - cancelled }))
    .filter((line) => line.quantity > 0);
  if (remaining.length === 0) {
    throw new OrderRuleViolation('conflict', 'nothing left to cancel: every ordered quantity has shipped or is cancelled');
  }
  return remaining;
}

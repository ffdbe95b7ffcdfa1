import type { PricedQuantity } from '@tradeflow/money';
import { grossOf, MAX_EXACT_MINOR } from '@tradeflow/money';
import { OrderRuleViolation } from './order-rule-violation';

/**
 * Invoicing refuses any amount beyond 2^53 − 1 minor units (it cannot be exact as a number), so an
 * order worth more, tax included, would ship and never be invoiced: its dispatch dead-lettered
 * (found by the HTTP fuzzer's largest allowed quantities and prices). Refused here, at the edge.
 */
export function assertInvoiceableValue(lines: readonly PricedQuantity[]): void {
  const gross = grossOf(lines);
  if (gross > MAX_EXACT_MINOR) {
    throw new OrderRuleViolation('invalid', `the order is worth ${gross} minor units with tax; at most ${MAX_EXACT_MINOR} can be invoiced exactly`);
  }
}

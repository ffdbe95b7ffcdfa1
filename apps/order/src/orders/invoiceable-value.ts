import { OrderRuleViolation } from './order-rule-violation';
import { notInvoicedValue } from './order-value';

export interface PricedQuantity {
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

const LARGEST_EXACT_AMOUNT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Invoicing refuses any amount beyond 2^53 − 1 minor units (it cannot be exact as a number), so an
 * order worth more, tax included, would ship and never be invoiced: its dispatch dead-lettered
 * (found by the HTTP fuzzer's largest allowed quantities and prices). Refused here, at the edge.
 */
export function assertInvoiceableValue(lines: readonly PricedQuantity[]): void {
  const gross = notInvoicedValue(lines.map((line) => ({ ...line, cancelled: 0, invoiced: 0 })));
  if (gross > LARGEST_EXACT_AMOUNT) {
    throw new OrderRuleViolation('invalid', `the order is worth ${gross} minor units with tax; at most ${LARGEST_EXACT_AMOUNT} can be invoiced exactly`);
  }
}

import { assertInvoiceableValue } from '../orders/invoiceable-value';
import { OrderRuleViolation } from '../orders/order-rule-violation';
import type { OrderStatus } from '../orders/order-status';
import { CLOSED_STATUSES } from '../orders/order-status';

export const MAX_ORDER_LINES = 200;

export interface PricedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

export interface AmendableLine extends PricedLine {
  shipped: number;
  cancelled: number;
}

/** With lineNo: the line's new quantity (0 removes it). Without: a new line. */
export interface LineAmendment {
  lineNo?: number;
  sku?: string;
  quantity: number;
  unitPriceMinor?: number;
  taxRateBp?: number;
}

export interface Amendment {
  /** The order's whole line list after the change; removed lines stay with quantity 0. */
  lines: PricedLine[];
  /** What changed, for the timeline; empty when the request changes nothing. */
  changes: string[];
}

/**
 * Applies an amendment to the order's lines. Lines not mentioned stay as they are. A line with
 * dispatched goods may change its unshipped rest, down to exactly what shipped (it then counts as
 * shipped in full); what shipped cannot be taken back. Refused: any change of a closed or cancelled
 * order, a quantity below what a line shipped (conflict), and unknown or repeated line numbers,
 * sku or price changes, or an order left without lines (invalid).
 */
export function amendLines(status: OrderStatus, lines: readonly AmendableLine[], amendments: readonly LineAmendment[]): Amendment {
  if (CLOSED_STATUSES.includes(status)) throw new OrderRuleViolation('conflict', `the order is ${status}; its lines can no longer change`);
  if (lines.some((line) => line.cancelled > 0)) {
    throw new OrderRuleViolation('conflict', 'the order was cancelled; its lines can no longer change');
  }
  const next: PricedLine[] = lines.map(({ lineNo, sku, quantity, unitPriceMinor, taxRateBp }) => ({
    lineNo,
    sku,
    quantity,
    unitPriceMinor,
    taxRateBp,
  }));
  const changes: string[] = [];
  const mentioned = new Set<number>();

  for (const amendment of amendments) {
    if (amendment.lineNo === undefined) continue;
    const { lineNo, quantity } = amendment;
    if (mentioned.has(lineNo)) throw new OrderRuleViolation('invalid', `line ${lineNo} is mentioned more than once`);
    mentioned.add(lineNo);
    const line = lines.find((candidate) => candidate.lineNo === lineNo);
    if (!line) throw new OrderRuleViolation('invalid', `line ${lineNo} does not exist`);
    if (amendment.sku !== undefined || amendment.unitPriceMinor !== undefined || amendment.taxRateBp !== undefined) {
      throw new OrderRuleViolation('invalid', `line ${lineNo}: only the quantity of an existing line can change`);
    }
    if (quantity === line.quantity) continue;
    if (quantity < line.shipped) {
      throw new OrderRuleViolation(
        'conflict',
        `line ${lineNo} has ${line.shipped} of ${line.quantity} shipped; its quantity cannot go below ${line.shipped}`,
      );
    }
    next[lines.indexOf(line)].quantity = quantity;
    changes.push(quantity === 0 ? `line ${lineNo} removed` : `line ${lineNo}: ${line.quantity} → ${quantity}`);
  }

  let lastLineNo = Math.max(0, ...lines.map((line) => line.lineNo));
  for (const amendment of amendments) {
    if (amendment.lineNo !== undefined) continue;
    const { sku, quantity, unitPriceMinor, taxRateBp } = amendment;
    if (sku === undefined || unitPriceMinor === undefined || taxRateBp === undefined) {
      throw new OrderRuleViolation('invalid', 'a new line needs sku, quantity, unitPriceMinor and taxRateBp');
    }
    if (quantity < 1) throw new OrderRuleViolation('invalid', `a new line of ${sku} needs a quantity of at least 1`);
    lastLineNo += 1;
    next.push({ lineNo: lastLineNo, sku, quantity, unitPriceMinor, taxRateBp });
    changes.push(`line ${lastLineNo} added: ${quantity}×${sku}`);
  }

  if (next.length > MAX_ORDER_LINES) throw new OrderRuleViolation('invalid', `an order has at most ${MAX_ORDER_LINES} lines`);
  if (next.every((line) => line.quantity === 0)) {
    throw new OrderRuleViolation('invalid', 'the amendment leaves no line; cancel the order instead');
  }
  assertInvoiceableValue(next);
  return { lines: next.sort((a, b) => a.lineNo - b.lineNo), changes };
}

import { OrderRuleViolation } from '../orders/order-rule-violation';

export interface ReturnableLine {
  lineNo: number;
  sku: string;
  shipped: number;
  returnRequested: number;
}

export interface ReturnedQuantity {
  lineNo: number;
  sku: string;
  quantity: number;
}

/**
 * Checks a return request: per line at most what shipped minus what earlier returns already
 * announced. Unknown or repeated lines are invalid (422); more than is returnable is a conflict
 * (409) naming the line and the numbers.
 */
export function checkReturn(lines: readonly ReturnableLine[], requested: readonly { lineNo: number; quantity: number }[]): ReturnedQuantity[] {
  const seen = new Set<number>();
  return requested.map(({ lineNo, quantity }) => {
    if (seen.has(lineNo)) throw new OrderRuleViolation('invalid', `line ${lineNo} is mentioned more than once`);
    seen.add(lineNo);
    const line = lines.find((candidate) => candidate.lineNo === lineNo);
    if (!line) throw new OrderRuleViolation('invalid', `line ${lineNo} does not exist`);
    const returnable = Math.max(0, line.shipped - line.returnRequested);
    if (quantity > returnable) {
      throw new OrderRuleViolation(
        'conflict',
        `line ${lineNo}: ${quantity} to return but only ${returnable} returnable (${line.shipped} shipped, ${line.returnRequested} already in returns)`,
      );
    }
    return { lineNo, sku: line.sku, quantity };
  });
}

import { OrderRuleViolation } from '../orders/order-rule-violation';
import type { AmendableLine, LineAmendment } from './amendment';
import { amendLines } from './amendment';

const lines: AmendableLine[] = [
  { lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 500, taxRateBp: 1900, shipped: 0, cancelled: 0 },
  { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 300, taxRateBp: 700, shipped: 0, cancelled: 0 },
];

function refusal(run: () => unknown): OrderRuleViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof OrderRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('amendLines', () => {
  it('changes quantities, removes with 0, adds new lines numbered after the last, keeps the rest', () => {
    const amendments: LineAmendment[] = [
      { lineNo: 1, quantity: 3 },
      { sku: 'SPOON', quantity: 4, unitPriceMinor: 100, taxRateBp: 1900 },
    ];
    const result = amendLines('RESERVED', lines, amendments);
    expect(result.lines).toEqual([
      { lineNo: 1, sku: 'MUG', quantity: 3, unitPriceMinor: 500, taxRateBp: 1900 },
      { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 300, taxRateBp: 700 },
      { lineNo: 3, sku: 'SPOON', quantity: 4, unitPriceMinor: 100, taxRateBp: 1900 },
    ]);
    expect(result.changes).toEqual(['line 1: 2 → 3', 'line 3 added: 4×SPOON']);

    const removed = amendLines('RESERVED', lines, [{ lineNo: 2, quantity: 0 }]);
    expect(removed.lines.find((line) => line.lineNo === 2)?.quantity).toBe(0);
    expect(removed.changes).toEqual(['line 2 removed']);
  });

  it('never reuses the number of a removed line', () => {
    const afterRemoval = [lines[0], { ...lines[1], quantity: 0 }];
    const result = amendLines('RESERVED', afterRemoval, [{ sku: 'CUP', quantity: 1, unitPriceMinor: 1, taxRateBp: 0 }]);
    expect(result.lines.map((line) => line.lineNo)).toEqual([1, 2, 3]);
  });

  it('reports no change when the quantities asked for are the current ones', () => {
    expect(amendLines('APPROVED', lines, [{ lineNo: 1, quantity: 2 }]).changes).toEqual([]);
  });

  it('lets a line with shipped goods change its unshipped rest, down to exactly what shipped', () => {
    const partlyShipped = [{ ...lines[0], quantity: 5, shipped: 2 }, lines[1]];
    const reduced = amendLines('PARTIALLY_SHIPPED', partlyShipped, [{ lineNo: 1, quantity: 2 }]);
    expect(reduced.lines[0]).toEqual({ lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 500, taxRateBp: 1900 });
    expect(reduced.changes).toEqual(['line 1: 5 → 2']);
    expect(amendLines('PARTIALLY_SHIPPED', partlyShipped, [{ lineNo: 1, quantity: 3 }]).changes).toEqual(['line 1: 5 → 3']);
    expect(amendLines('SHIPPED', [{ ...lines[0], shipped: 2 }], [{ lineNo: 1, quantity: 4 }]).changes).toEqual(['line 1: 2 → 4']);
  });

  it('refuses a quantity below what a line shipped (conflict naming the line and the shipped quantity), removal included', () => {
    const partlyShipped = [{ ...lines[0], quantity: 5, shipped: 2 }, lines[1]];
    const below = refusal(() => amendLines('PARTIALLY_SHIPPED', partlyShipped, [{ lineNo: 1, quantity: 1 }]));
    expect(below).toMatchObject({ kind: 'conflict', message: 'line 1 has 2 of 5 shipped; its quantity cannot go below 2' });
    expect(refusal(() => amendLines('PARTIALLY_SHIPPED', partlyShipped, [{ lineNo: 1, quantity: 0 }])).kind).toBe('conflict');
    expect(amendLines('PARTIALLY_SHIPPED', partlyShipped, [{ lineNo: 1, quantity: 5 }, { lineNo: 2, quantity: 3 }]).changes).toEqual([
      'line 2: 1 → 3',
    ]);
  });

  it('refuses a sku or price change of a line with shipped goods like any other line’s (invalid)', () => {
    const shipped = [{ ...lines[0], shipped: 2 }];
    expect(refusal(() => amendLines('SHIPPED', shipped, [{ lineNo: 1, quantity: 2, sku: 'CUP' }])).message).toContain('only the quantity');
    expect(refusal(() => amendLines('SHIPPED', shipped, [{ lineNo: 1, quantity: 2, unitPriceMinor: 1 }])).kind).toBe('invalid');
  });

  it('refuses any change to a cancelled, completed or partly cancelled order (conflict)', () => {
    expect(refusal(() => amendLines('CANCELLED', lines, [{ lineNo: 1, quantity: 1 }])).kind).toBe('conflict');
    expect(refusal(() => amendLines('COMPLETED', lines, [{ lineNo: 1, quantity: 1 }])).message).toContain('COMPLETED');
    const restCancelled = [{ ...lines[0], shipped: 1, cancelled: 1 }, { ...lines[1], cancelled: 1 }];
    expect(refusal(() => amendLines('SHIPPED', restCancelled, [{ sku: 'X', quantity: 1, unitPriceMinor: 1, taxRateBp: 0 }])).kind).toBe(
      'conflict',
    );
  });

  it('refuses unknown or repeated lines, price changes of existing lines and incomplete new lines (invalid)', () => {
    const unknown = refusal(() => amendLines('RESERVED', lines, [{ lineNo: 9, quantity: 1 }]));
    expect(unknown).toMatchObject({ kind: 'invalid', message: 'line 9 does not exist' });
    expect(refusal(() => amendLines('RESERVED', lines, [{ lineNo: 1, quantity: 1 }, { lineNo: 1, quantity: 2 }])).kind).toBe('invalid');
    expect(refusal(() => amendLines('RESERVED', lines, [{ lineNo: 1, quantity: 1, unitPriceMinor: 1 }])).message).toContain(
      'only the quantity',
    );
    expect(refusal(() => amendLines('RESERVED', lines, [{ sku: 'CUP', quantity: 1 }])).kind).toBe('invalid');
    expect(refusal(() => amendLines('RESERVED', lines, [{ sku: 'CUP', quantity: 0, unitPriceMinor: 1, taxRateBp: 0 }])).kind).toBe(
      'invalid',
    );
  });

  it('refuses to leave the order without a line: that is a cancellation', () => {
    const error = refusal(() => amendLines('RESERVED', lines, [{ lineNo: 1, quantity: 0 }, { lineNo: 2, quantity: 0 }]));
    expect(error).toMatchObject({ kind: 'invalid' });
    expect(error.message).toContain('cancel');
  });
});

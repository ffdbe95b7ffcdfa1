import { OrderRuleViolation } from '../orders/order-rule-violation';
import { checkReturn } from './return-request';

const lines = [
  { lineNo: 1, sku: 'MUG', shipped: 3, returnRequested: 1 },
  { lineNo: 2, sku: 'TEA', shipped: 0, returnRequested: 0 },
];

const kindOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof OrderRuleViolation ? error.kind : 'other';
  }
  return 'accepted';
};

describe('checkReturn', () => {
  it('accepts up to shipped minus already requested returns, naming the sku', () => {
    expect(checkReturn(lines, [{ lineNo: 1, quantity: 2 }])).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
  });

  it('refuses more than is returnable, with the numbers (conflict)', () => {
    expect(kindOf(() => checkReturn(lines, [{ lineNo: 1, quantity: 3 }]))).toBe('conflict');
    expect(() => checkReturn(lines, [{ lineNo: 1, quantity: 3 }])).toThrow('only 2 returnable (3 shipped, 1 already in returns)');
    expect(kindOf(() => checkReturn(lines, [{ lineNo: 2, quantity: 1 }]))).toBe('conflict');
  });

  it('refuses unknown or repeated lines (invalid)', () => {
    expect(kindOf(() => checkReturn(lines, [{ lineNo: 7, quantity: 1 }]))).toBe('invalid');
    expect(kindOf(() => checkReturn(lines, [{ lineNo: 1, quantity: 1 }, { lineNo: 1, quantity: 1 }]))).toBe('invalid');
  });
});

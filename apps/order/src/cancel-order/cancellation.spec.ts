import { OrderRuleViolation } from '../orders/order-rule-violation';
import { quantitiesToCancel } from './cancellation';

const lines = [
  { lineNo: 1, sku: 'MUG', quantity: 5, shipped: 0, cancelled: 0 },
  { lineNo: 2, sku: 'TEA', quantity: 2, shipped: 0, cancelled: 0 },
  { lineNo: 3, sku: 'CUP', quantity: 0, shipped: 0, cancelled: 0 },
];

describe('quantitiesToCancel', () => {
  it('cancels everything ordered before dispatch (removed lines have nothing to cancel)', () => {
    expect(quantitiesToCancel('RESERVED', lines)).toEqual([
      { lineNo: 1, sku: 'MUG', quantity: 5 },
      { lineNo: 2, sku: 'TEA', quantity: 2 },
    ]);
  });

  it('after a partial dispatch cancels the rest: ordered − shipped per line', () => {
    const partly = [{ ...lines[0], shipped: 2 }, { ...lines[1], shipped: 2 }, lines[2]];
    expect(quantitiesToCancel('PARTIALLY_SHIPPED', partly)).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 3 }]);
  });

  it('refuses when nothing is left: everything shipped, or already cancelled, or the order is closed', () => {
    const shipped = lines.map((line) => ({ ...line, shipped: line.quantity }));
    expect(() => quantitiesToCancel('SHIPPED', shipped)).toThrow('nothing left to cancel');
    const cancelledRest = [{ ...lines[0], shipped: 2, cancelled: 3 }, { ...lines[1], cancelled: 2 }];
    expect(() => quantitiesToCancel('SHIPPED', cancelledRest)).toThrow(OrderRuleViolation);
    expect(() => quantitiesToCancel('CANCELLED', lines)).toThrow('already CANCELLED');
    expect(() => quantitiesToCancel('COMPLETED', lines)).toThrow('already COMPLETED');
  });
});

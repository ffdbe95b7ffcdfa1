import { stockMismatches } from './stock-invariants';

describe('stockMismatches', () => {
  it('holds 0 ≤ reserved ≤ on hand per warehouse', () => {
    const stock = {
      sku: 'MUG',
      warehouses: [
        { warehouse: 'BER', onHand: 5, reserved: 5 },
        { warehouse: 'HAM', onHand: 2, reserved: 3 },
        { warehouse: 'MUC', onHand: 0, reserved: -1 },
        { warehouse: 'OSL', onHand: 0, reserved: 0 },
      ],
    };
    expect(stockMismatches(stock)).toEqual([
      { check: 'stock-levels', ids: { sku: 'MUG', warehouse: 'HAM' }, detail: '0 ≤ reserved 3 ≤ on hand 2 does not hold' },
      { check: 'stock-levels', ids: { sku: 'MUG', warehouse: 'MUC' }, detail: '0 ≤ reserved -1 ≤ on hand 0 does not hold' },
    ]);
  });
});

import type { Mismatch } from '../mismatch';
import type { StockRecord } from '../records';

/** docs/design.md#invariants per sku and warehouse: 0 ≤ reserved ≤ on hand. */
export function stockMismatches(stock: StockRecord): Mismatch[] {
  return stock.warehouses
    .filter(({ onHand, reserved }) => !(0 <= reserved && reserved <= onHand))
    .map(({ warehouse, onHand, reserved }) => ({
      check: 'stock-levels',
      ids: { sku: stock.sku, warehouse },
      detail: `0 ≤ reserved ${reserved} ≤ on hand ${onHand} does not hold`,
    }));
}

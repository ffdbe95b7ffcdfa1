import { exactInteger } from './minor-units';
import { taxOf } from './tax';

/** A quantity at a net unit price and a tax rate, as orders and invoices carry them. */
export interface PricedQuantity {
  quantity: number;
  unitPriceMinor: number;
  /** Basis points: 1900 is 19%. */
  taxRateBp: number;
}

export interface LineAmounts {
  netMinor: bigint;
  taxMinor: bigint;
}

/**
 * docs/design.md#invoicing-and-payments: net = quantity × unitPriceMinor and tax = round half up(net × taxRateBp /
 * 10000), per line — never on a sum of lines. `name` says which line an error is about.
 */
export function lineAmounts(line: PricedQuantity, name = 'line'): LineAmounts {
  const netMinor = exactInteger(line.quantity, `${name} quantity`) * exactInteger(line.unitPriceMinor, `${name} unitPriceMinor`);
  return { netMinor, taxMinor: taxOf(netMinor, line.taxRateBp) };
}

/** What the lines come to, tax included, each line rounded on its own: what invoicing bills for them. */
export function grossOf(lines: readonly PricedQuantity[]): bigint {
  let total = 0n;
  for (const line of lines) {
    const { netMinor, taxMinor } = lineAmounts(line);
    total += netMinor + taxMinor;
  }
  return total;
}

import { grossOf } from '@tradeflow/money';

export interface PricedLineProgress {
  /** Ordered after amendments; 0 = removed. */
  quantity: number;
  cancelled: number;
  invoiced: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

/**
 * What the customer will still be invoiced for the order, tax included: the quantity of each line
 * neither cancelled nor invoiced yet, priced by the rule invoicing bills by (grossOf), so an invoice
 * moves exactly this much from the open order to the unpaid invoices.
 */
export function notInvoicedValue(lines: readonly PricedLineProgress[]): bigint {
  return grossOf(
    lines.map((line) => ({
      quantity: Math.max(0, line.quantity - line.cancelled - line.invoiced),
      unitPriceMinor: line.unitPriceMinor,
      taxRateBp: line.taxRateBp,
    })),
  );
}

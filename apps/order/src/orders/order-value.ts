export interface PricedLineProgress {
  /** Ordered after amendments; 0 = removed. */
  quantity: number;
  cancelled: number;
  invoiced: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

const BASIS_POINTS = 10_000n;

/**
 * What the customer will still be invoiced for the order, tax included: per line the quantity
 * neither cancelled nor invoiced yet, at net = qty × unit price and tax = net × rate / 10000
 * rounded half up — the way invoicing computes a line, so an invoice moves exactly this much from
 * the open order to the unpaid invoices. Exact integer arithmetic (bigint).
 */
export function notInvoicedValue(lines: readonly PricedLineProgress[]): bigint {
  let total = 0n;
  for (const line of lines) {
    const quantity = Math.max(0, line.quantity - line.cancelled - line.invoiced);
    if (quantity === 0) continue;
    const net = BigInt(quantity) * BigInt(line.unitPriceMinor);
    total += net + (net * BigInt(line.taxRateBp) * 2n + BASIS_POINTS) / (BASIS_POINTS * 2n);
  }
  return total;
}

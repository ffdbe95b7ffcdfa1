/** What invoicing knows of an order's prices (see OrderPrice). */
export interface PriceList {
  orderId: string;
  customerId: string | null;
  currency: string | null;
  lines: readonly { lineNo: number; sku: string; unitPriceMinor: number; taxRateBp: number }[];
}

/** Quantities to bill, as shipped or returned: one line number may come several times (e.g. per warehouse). */
export interface BilledQuantity {
  lineNo: number;
  sku: string;
  quantity: number;
}

export type Pricing =
  | {
      priced: true;
      customerId: string;
      currency: string;
      lines: { lineNo: number; sku: string; quantity: number; unitPriceMinor: number; taxRateBp: number }[];
    }
  | { priced: false; waitingFor: string };

/**
 * Puts the order's prices on billed quantities, one line per line number in line order; or says
 * what is still unknown (the order itself, or a line an amendment added) so the document waits.
 */
export function priceQuantities(list: PriceList, quantities: readonly BilledQuantity[]): Pricing {
  if (list.customerId === null || list.currency === null) return { priced: false, waitingFor: `order ${list.orderId}` };
  const byLine = new Map<number, BilledQuantity>();
  for (const entry of quantities) {
    const seen = byLine.get(entry.lineNo);
    byLine.set(entry.lineNo, { ...entry, quantity: (seen?.quantity ?? 0) + entry.quantity });
  }
  const lines = [];
  for (const entry of [...byLine.values()].sort((a, b) => a.lineNo - b.lineNo)) {
    const price = list.lines.find((line) => line.lineNo === entry.lineNo);
    if (!price) return { priced: false, waitingFor: `line ${entry.lineNo} of order ${list.orderId}` };
    lines.push({ ...entry, unitPriceMinor: price.unitPriceMinor, taxRateBp: price.taxRateBp });
  }
  return { priced: true, customerId: list.customerId, currency: list.currency, lines };
}

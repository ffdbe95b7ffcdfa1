/** The product master's statuses (tradeflow.products.v1); only ACTIVE may be ordered. */
export const PRODUCT_STATUSES = ['ACTIVE', 'DISCONTINUED', 'BLOCKED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export type RefusalReason = 'UNKNOWN_PRODUCT' | 'DISCONTINUED' | 'BLOCKED';

export interface RefusedLine {
  lineNo: number;
  sku: string;
  reason: RefusalReason;
}

const WHY: Record<RefusalReason, string> = {
  UNKNOWN_PRODUCT: 'is not in the product catalogue',
  DISCONTINUED: 'is discontinued',
  BLOCKED: 'is blocked',
};

/**
 * The lines that may not be ordered, in line order: a sku the order service has no product for
 * (no ProductUpserted yet, or none at all), or one the product master has DISCONTINUED or BLOCKED.
 */
export function refusedLines(lines: readonly { lineNo: number; sku: string }[], statusOf: ReadonlyMap<string, ProductStatus>): RefusedLine[] {
  return lines
    .map(({ lineNo, sku }): RefusedLine | null => {
      const status = statusOf.get(sku);
      if (status === 'ACTIVE') return null;
      return { lineNo, sku, reason: status ?? 'UNKNOWN_PRODUCT' };
    })
    .filter((line): line is RefusedLine => line !== null)
    .sort((a, b) => a.lineNo - b.lineNo);
}

/** Names the first refused line; the answer lists them all. */
export function refusalMessage(refused: readonly RefusedLine[]): string {
  const [first, ...rest] = refused;
  const more = rest.length === 0 ? '' : `; ${rest.length} more line${rest.length === 1 ? '' : 's'} refused`;
  return `line ${first.lineNo}: sku ${first.sku} ${WHY[first.reason]}${more}`;
}

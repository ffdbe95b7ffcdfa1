import type { PricedQuantity } from '@tradeflow/money';
import { exactAmount, lineAmounts } from '@tradeflow/money';

/** A line to bill: a quantity at the order's net unit price and tax rate. */
export interface PricedLine extends PricedQuantity {
  lineNo: number;
  sku: string;
}

export interface CalculatedLine extends PricedLine {
  netMinor: number;
  taxMinor: number;
}

export interface DocumentAmounts {
  lines: CalculatedLine[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * docs/design.md#invoicing-and-payments: each line's net and tax by the shared rule (lineAmounts); the
 * document's net, tax and total are the sums of its lines.
 */
export function calculateDocument(lines: readonly PricedLine[]): DocumentAmounts {
  let net = 0n;
  let tax = 0n;
  const calculated = lines.map((line) => {
    const { netMinor, taxMinor } = lineAmounts(line, `line ${line.lineNo}`);
    net += netMinor;
    tax += taxMinor;
    return {
      ...line,
      netMinor: exactAmount(netMinor, `line ${line.lineNo} net`),
      taxMinor: exactAmount(taxMinor, `line ${line.lineNo} tax`),
    };
  });
  return {
    lines: calculated,
    netMinor: exactAmount(net, 'net'),
    taxMinor: exactAmount(tax, 'tax'),
    totalMinor: exactAmount(net + tax, 'total'),
  };
}

/** The due date (ISO 8601 date, UTC) `termsDays` after the day `issuedAt` falls on. */
export function dueDateOf(issuedAt: Date, termsDays: number): string {
  const issueDay = Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate());
  return new Date(issueDay + termsDays * 86_400_000).toISOString().slice(0, 10);
}

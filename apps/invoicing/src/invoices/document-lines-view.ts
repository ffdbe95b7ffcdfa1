import type { DocumentLineView } from './dto/invoice-view.dto';

interface DocumentLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
  taxClass: string | null;
  netMinor: number;
  taxMinor: number;
}

/** The lines of an invoice or a credit note as the API shows them, in line order. */
export function documentLinesView(lines: readonly DocumentLine[]): DocumentLineView[] {
  return [...lines]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map(({ lineNo, sku, quantity, unitPriceMinor, taxRateBp, taxClass, netMinor, taxMinor }) => ({
      lineNo,
      sku,
      quantity,
      unitPriceMinor,
      taxRateBp,
      taxClass,
      netMinor,
      taxMinor,
    }));
}

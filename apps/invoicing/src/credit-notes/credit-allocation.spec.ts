import { calculateDocument } from '../invoices/invoice-calculation';
import { allocateCredit } from './credit-allocation';

const MUG = { lineNo: 1, sku: 'MUG', unitPriceMinor: 1299, taxRateBp: 1900 };
const TEA = { lineNo: 2, sku: 'TEA', unitPriceMinor: 250, taxRateBp: 700 };
const credit = (...lines: { lineNo: number; sku: string; unitPriceMinor: number; taxRateBp: number; quantity: number }[]) =>
  calculateDocument(lines).lines;
const billed = (lineNo: number, quantity: number, creditedQuantity = 0) => ({ lineNo, quantity, creditedQuantity });

describe('allocateCredit', () => {
  it('applies each returned line to the invoice that billed it', () => {
    // split delivery: mugs on INV-A, tea on INV-B; tea comes back
    const invoices = [
      { invoiceId: 'INV-A', lines: [billed(1, 3)] },
      { invoiceId: 'INV-B', lines: [billed(2, 2)] },
    ];
    expect(allocateCredit(credit({ ...TEA, quantity: 1 }), invoices)).toEqual({
      applied: [{ invoiceId: 'INV-B', lineNo: 2, quantity: 1, amountMinor: 268 }], // 250 + 17.5 → 18
      unapplied: [],
    });
  });

  it('takes from the oldest invoice first, skipping what earlier credit notes took back, and adds up to the credit note exactly', () => {
    // 3 mugs billed on INV-A (1 already credited) and 2 on INV-B; 3 come back: 2 from INV-A, 1 from INV-B
    const invoices = [
      { invoiceId: 'INV-A', lines: [billed(1, 3, 1)] },
      { invoiceId: 'INV-B', lines: [billed(1, 2)] },
    ];
    const lines = credit({ ...MUG, quantity: 3 }); // 3897 + 740.43 → 740 = 4637
    const { applied, unapplied } = allocateCredit(lines, invoices);
    // 2 mugs: 2598 + 493.62 → 494 = 3092; the last part takes the rest: 4637 - 3092 = 1545 (on its own 1299 + 246.81 → 247 = 1546)
    expect(applied).toEqual([
      { invoiceId: 'INV-A', lineNo: 1, quantity: 2, amountMinor: 3092 },
      { invoiceId: 'INV-B', lineNo: 1, quantity: 1, amountMinor: 1545 },
    ]);
    expect(applied.reduce((sum, part) => sum + part.amountMinor, 0)).toBe(4637);
    expect(unapplied).toEqual([]);
  });

  it('keeps what no invoice billed apart, with its amount, instead of dropping it', () => {
    const invoices = [{ invoiceId: 'INV-A', lines: [billed(1, 1)] }];
    expect(allocateCredit(credit({ ...MUG, quantity: 2 }, { ...TEA, quantity: 1 }), invoices)).toEqual({
      applied: [{ invoiceId: 'INV-A', lineNo: 1, quantity: 1, amountMinor: 1546 }],
      unapplied: [
        { lineNo: 1, quantity: 1, amountMinor: 1546 },
        { lineNo: 2, quantity: 1, amountMinor: 268 },
      ],
    });
    expect(allocateCredit(credit({ ...TEA, quantity: 1 }), [])).toEqual({ applied: [], unapplied: [{ lineNo: 2, quantity: 1, amountMinor: 268 }] });
  });
});

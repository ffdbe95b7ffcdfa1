import type { DocumentRecord } from '../records';
import { documentMismatches } from './document-invariants';

/** The e2e happy path's invoice: 2 × 12.99 at 19 % and 1 × 45.50 at 7 %. */
function invoice(): DocumentRecord {
  return {
    id: 'b0000000-0000-4000-8000-000000000001',
    number: 'INV-000001',
    orderId: 'a0000000-0000-4000-8000-000000000001',
    customerId: 'CUST-1',
    currency: 'EUR',
    shipmentId: 's1',
    lines: [
      { lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 1299, taxRateBp: 1900, netMinor: 2598, taxMinor: 494 },
      { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 4550, taxRateBp: 700, netMinor: 4550, taxMinor: 319 },
    ],
    netMinor: 7148,
    taxMinor: 813,
    totalMinor: 7961,
  };
}

describe('documentMismatches', () => {
  it('accepts a document whose lines and totals add up', () => {
    expect(documentMismatches(invoice(), 'invoice')).toEqual([]);
  });

  it('names a line whose quantity was changed behind the totals', () => {
    const corrupted = invoice();
    corrupted.lines[0].quantity = 3;
    expect(documentMismatches(corrupted, 'invoice')).toEqual([
      {
        check: 'document-line-amounts',
        ids: { orderId: corrupted.orderId, invoice: 'INV-000001', lineNo: 1, sku: 'MUG' },
        detail: 'net 2598 ≠ quantity 3 × unit price 1299',
      },
    ]);
  });

  it('checks the tax of each line and the sums of the document', () => {
    const wrong = invoice();
    wrong.lines[1].taxMinor = 318;
    wrong.totalMinor = 7960;
    expect(documentMismatches(wrong, 'invoice').map(({ check, detail }) => [check, detail])).toEqual([
      ['document-line-amounts', 'tax 318 ≠ net 4550 × 700 bp rounded half up (319)'],
      ['document-totals', 'net 7148, tax 813, but its lines sum to net 7148, tax 812'],
      ['document-totals', 'total 7960 ≠ net 7148 + tax 813'],
    ]);
  });

  it('identifies credit notes by their number', () => {
    const note = { ...invoice(), number: 'CN-000004', shipmentId: undefined, netMinor: 1 };
    expect(documentMismatches(note, 'credit-note')).toEqual([
      expect.objectContaining({ check: 'document-totals', ids: { orderId: note.orderId, creditNote: 'CN-000004' } }),
      expect.objectContaining({ check: 'document-totals' }),
    ]);
  });

  it('refuses amounts that are not whole numbers', () => {
    const fractional = invoice();
    fractional.lines[0].netMinor = 2598.5;
    expect(documentMismatches(fractional, 'invoice')[0]).toMatchObject({ check: 'document-line-amounts', detail: 'an amount, quantity or rate is not a whole number' });
  });
});

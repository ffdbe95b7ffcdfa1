import { formatMismatch } from './mismatch';

describe('formatMismatch', () => {
  it('puts the check and every id on one line, in a fixed order', () => {
    const line = formatMismatch({
      check: 'invoiced=shipped',
      ids: { sku: 'MUG', lineNo: 1, orderId: 'o-1', invoice: 'INV-000003' },
      detail: 'invoices hold 4,\n  the order shipped 3',
    });
    expect(line).toBe('MISMATCH invoiced=shipped order=o-1 line=1 sku=MUG invoice=INV-000003: invoices hold 4, the order shipped 3');
  });
});

import { notInvoicedValue } from './order-value';

const line = (quantity: number, unitPriceMinor: number, taxRateBp: number, progress: { cancelled?: number; invoiced?: number } = {}) => ({
  quantity,
  unitPriceMinor,
  taxRateBp,
  cancelled: progress.cancelled ?? 0,
  invoiced: progress.invoiced ?? 0,
});

describe('notInvoicedValue', () => {
  it('is net plus tax per line, as invoicing computes it', () => {
    // 2 × 500 = 1000 net + 190 tax; 1 × 300 = 300 net + 21 tax
    expect(notInvoicedValue([line(2, 500, 1900), line(1, 300, 700)])).toBe(1511n);
  });

  it('leaves out what is cancelled, already invoiced or removed', () => {
    expect(notInvoicedValue([line(5, 100, 0, { invoiced: 2 })])).toBe(300n);
    expect(notInvoicedValue([line(5, 100, 0, { invoiced: 2, cancelled: 3 })])).toBe(0n);
    expect(notInvoicedValue([line(0, 100, 1900)])).toBe(0n);
    expect(notInvoicedValue([line(2, 100, 0, { invoiced: 3 })])).toBe(0n);
  });
});

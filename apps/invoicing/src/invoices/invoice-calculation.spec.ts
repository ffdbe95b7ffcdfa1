import { calculateDocument, dueDateOf } from './invoice-calculation';

const line = (quantity: number, unitPriceMinor: number, taxRateBp: number, lineNo = 1) => ({
  lineNo,
  sku: `SKU-${lineNo}`,
  quantity,
  unitPriceMinor,
  taxRateBp,
});

describe('calculateDocument', () => {
  it('computes net and tax per line and sums the lines', () => {
    const amounts = calculateDocument([line(3, 1299, 1900, 1), line(1, 250, 700, 2)]);
    // line 1: 3897 net, 740.43 → 740 tax; line 2: 250 net, 17.5 → 18 tax
    expect(amounts.lines).toEqual([
      { ...line(3, 1299, 1900, 1), netMinor: 3897, taxMinor: 740 },
      { ...line(1, 250, 700, 2), netMinor: 250, taxMinor: 18 },
    ]);
    expect(amounts).toMatchObject({ netMinor: 4147, taxMinor: 758, totalMinor: 4905 });
  });

  it('rounds each line, not the total: two half-cent taxes make two cents', () => {
    const amounts = calculateDocument([line(1, 250, 1900, 1), line(1, 250, 1900, 2)]);
    // per line 47.5 → 48; on the summed net 95.0 would be 95
    expect(amounts.taxMinor).toBe(96);
    expect(amounts.totalMinor).toBe(596);
  });

  it('has no tax at a zero rate', () => {
    expect(calculateDocument([line(7, 1001, 0)])).toMatchObject({ netMinor: 7007, taxMinor: 0, totalMinor: 7007 });
  });

  it('is all zero for an empty document or free goods', () => {
    expect(calculateDocument([])).toEqual({ lines: [], netMinor: 0, taxMinor: 0, totalMinor: 0 });
    expect(calculateDocument([line(5, 0, 1900)])).toMatchObject({ netMinor: 0, taxMinor: 0, totalMinor: 0 });
  });

  it('stays exact for amounts far beyond 32 bits, where floating point would round', () => {
    const amounts = calculateDocument([line(7000, 999_999_999_999, 1950)]);
    expect(amounts.netMinor).toBe(6_999_999_999_993_000);
    // 6_999_999_999_993_000 × 19.5% = 1_364_999_999_998_635 exactly
    expect(amounts.taxMinor).toBe(1_364_999_999_998_635);
    expect(amounts.totalMinor).toBe(8_364_999_999_991_635);
  });

  it('refuses amounts an Avro long cannot carry exactly in JavaScript instead of rounding them', () => {
    expect(() => calculateDocument([line(100_000, 1_000_000_000_000, 1900)])).toThrow(/line 1 net .* beyond the largest exact amount/);
    expect(() => calculateDocument([line(8000, 999_999_999_999, 1950)])).toThrow(/total .* beyond the largest exact amount/);
    expect(() => calculateDocument([line(1.5, 100, 1900)])).toThrow(/line 1 quantity must be an integer/);
    expect(() => calculateDocument([line(1, 100, 19.5)])).toThrow(/taxRateBp must be an integer/);
  });
});

describe('dueDateOf', () => {
  it('adds the payment terms to the issue day', () => {
    expect(dueDateOf(new Date('2026-01-15T10:00:00Z'), 30)).toBe('2026-02-14');
    expect(dueDateOf(new Date('2026-01-15T10:00:00Z'), 0)).toBe('2026-01-15');
  });

  it('counts calendar days across month ends and leap days, in UTC', () => {
    expect(dueDateOf(new Date('2028-02-01T23:59:59Z'), 28)).toBe('2028-02-29');
    expect(dueDateOf(new Date('2026-12-31T00:00:00Z'), 1)).toBe('2027-01-01');
  });
});

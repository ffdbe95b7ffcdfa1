import { calculateDocument, divideRoundingHalfUp, dueDateOf, taxOf } from './invoice-calculation';

const line = (quantity: number, unitPriceMinor: number, taxRateBp: number, lineNo = 1) => ({
  lineNo,
  sku: `SKU-${lineNo}`,
  quantity,
  unitPriceMinor,
  taxRateBp,
});

describe('divideRoundingHalfUp', () => {
  it('rounds below a half down and a half or more up', () => {
    expect(divideRoundingHalfUp(14_999n, 10_000n)).toBe(1n);
    expect(divideRoundingHalfUp(15_000n, 10_000n)).toBe(2n);
    expect(divideRoundingHalfUp(25_000n, 10_000n)).toBe(3n);
    expect(divideRoundingHalfUp(4_999n, 10_000n)).toBe(0n);
    expect(divideRoundingHalfUp(5_000n, 10_000n)).toBe(1n);
  });

  it('rounds negative halves away from zero, symmetric to positive ones', () => {
    expect(divideRoundingHalfUp(-15_000n, 10_000n)).toBe(-2n);
    expect(divideRoundingHalfUp(-14_999n, 10_000n)).toBe(-1n);
  });

  it('refuses a non-positive denominator', () => {
    expect(() => divideRoundingHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('taxOf', () => {
  it('rounds a tax of exactly half a minor unit up', () => {
    // 250 × 19% = 47.5 → 48; 50 × 1% = 0.5 → 1
    expect(taxOf(250n, 1900)).toBe(48n);
    expect(taxOf(50n, 100)).toBe(1n);
  });

  it('rounds just below a half down', () => {
    // 2631 × 19% = 499.89 → 500; 2 × 19% = 0.38 → 0; 49 × 1% = 0.49 → 0
    expect(taxOf(2631n, 1900)).toBe(500n);
    expect(taxOf(2n, 1900)).toBe(0n);
    expect(taxOf(49n, 100)).toBe(0n);
  });

  it('is zero at a zero rate and whole at 100%', () => {
    expect(taxOf(123_456n, 0)).toBe(0n);
    expect(taxOf(123_456n, 10_000)).toBe(123_456n);
  });
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

  it('rounds large amounts exactly where a floating-point product would not', () => {
    // 1_000_000_000_000_592 × 19% = 190_000_000_000_112.48 → …112; Math.round(net * 1900 / 10000) says …113
    expect(calculateDocument([line(1, 1_000_000_000_000_592, 1900)]).taxMinor).toBe(190_000_000_000_112);
    // exactly half on a large amount: 4_503_599_627_370_450 × 1% = …704.5 → …705
    expect(calculateDocument([line(1, 4_503_599_627_370_450, 100)]).taxMinor).toBe(45_035_996_273_705);
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

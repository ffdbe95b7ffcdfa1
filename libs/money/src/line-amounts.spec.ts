import { grossOf, lineAmounts } from './line-amounts';

const line = (quantity: number, unitPriceMinor: number, taxRateBp: number) => ({ quantity, unitPriceMinor, taxRateBp });

describe('lineAmounts', () => {
  it('is quantity × unit price, with its tax rounded half up', () => {
    expect(lineAmounts(line(3, 1299, 1900))).toEqual({ netMinor: 3897n, taxMinor: 740n }); // 740.43
    expect(lineAmounts(line(1, 250, 700))).toEqual({ netMinor: 250n, taxMinor: 18n }); // 17.5
    expect(lineAmounts(line(5, 0, 1900))).toEqual({ netMinor: 0n, taxMinor: 0n });
  });

  it('stays exact far beyond 32 bits, where floating point would round', () => {
    // 6_999_999_999_993_000 × 19.5% = 1_364_999_999_998_635 exactly
    expect(lineAmounts(line(7000, 999_999_999_999, 1950))).toEqual({ netMinor: 6_999_999_999_993_000n, taxMinor: 1_364_999_999_998_635n });
    // 1_000_000_000_000_592 × 19% = 190_000_000_000_112.48 → …112; Math.round(net * 1900 / 10000) says …113
    expect(lineAmounts(line(1, 1_000_000_000_000_592, 1900)).taxMinor).toBe(190_000_000_000_112n);
    // exactly half on a large amount: 4_503_599_627_370_450 × 1% = …704.5 → …705
    expect(lineAmounts(line(1, 4_503_599_627_370_450, 100)).taxMinor).toBe(45_035_996_273_705n);
  });

  it('refuses quantities, prices and rates a number cannot hold exactly, naming the line', () => {
    expect(() => lineAmounts(line(1.5, 100, 1900), 'line 1')).toThrow(/^line 1 quantity must be an integer below 2\^53, got 1.5$/);
    expect(() => lineAmounts(line(1, 2 ** 53, 1900), 'line 2')).toThrow(/^line 2 unitPriceMinor must be an integer/);
    expect(() => lineAmounts(line(1, 100, 19.5))).toThrow(/^taxRateBp must be an integer/);
  });
});

describe('grossOf', () => {
  it('is net plus tax over the lines', () => {
    // 2 × 500 = 1000 net + 190 tax; 1 × 300 = 300 net + 21 tax
    expect(grossOf([line(2, 500, 1900), line(1, 300, 700)])).toBe(1511n);
    expect(grossOf([])).toBe(0n);
    expect(grossOf([line(0, 100, 1900)])).toBe(0n);
  });

  it('rounds each line’s tax, not the total: two half-unit taxes make two units', () => {
    expect(grossOf([line(1, 5, 1000)])).toBe(6n); // tax 0.5 → 1
    expect(grossOf([line(1, 4, 1000)])).toBe(4n); // tax 0.4 → 0
    expect(grossOf([line(1, 15, 1000), line(1, 15, 1000)])).toBe(34n); // 1.5 → 2 per line, not 3 over both
    expect(grossOf([line(1, 250, 1900), line(1, 250, 1900)])).toBe(596n); // 47.5 → 48 per line, not 95 on 500
  });

  it('stays exact beyond 2^53', () => {
    expect(grossOf([line(100_000, 1_000_000_000_000, 1900)])).toBe(119_000_000_000_000_000n);
  });
});

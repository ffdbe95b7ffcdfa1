import { divideRoundingHalfUp, taxOf } from './tax';

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
    // 250 × 19% = 47.5 → 48; 50 × 1% = 0.5 → 1; 4550 × 7% = 318.5 → 319; 5 × 10% = 0.5 → 1
    expect(taxOf(250n, 1900)).toBe(48n);
    expect(taxOf(50n, 100)).toBe(1n);
    expect(taxOf(4550n, 700)).toBe(319n);
    expect(taxOf(5n, 1000)).toBe(1n);
  });

  it('rounds just below a half down and just above up', () => {
    // 2631 × 19% = 499.89 → 500; 2 × 19% = 0.38 → 0; 49 × 1% = 0.49 → 0; 4 × 10% = 0.4 → 0
    expect(taxOf(2631n, 1900)).toBe(500n);
    expect(taxOf(2n, 1900)).toBe(0n);
    expect(taxOf(49n, 100)).toBe(0n);
    expect(taxOf(4n, 1000)).toBe(0n);
    // 2598 × 19% = 493.62 → 494; 3897 × 19% = 740.43 → 740
    expect(taxOf(2598n, 1900)).toBe(494n);
    expect(taxOf(3897n, 1900)).toBe(740n);
  });

  it('is zero at a zero rate or on nothing, and whole at 100%', () => {
    expect(taxOf(123_456n, 0)).toBe(0n);
    expect(taxOf(0n, 1900)).toBe(0n);
    expect(taxOf(123_456n, 10_000)).toBe(123_456n);
  });

  it('refuses a fractional rate instead of rounding it', () => {
    expect(() => taxOf(100n, 19.5)).toThrow(/taxRateBp must be an integer/);
  });
});

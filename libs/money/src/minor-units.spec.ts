import { exactAmount, exactInteger, MAX_EXACT_MINOR } from './minor-units';

describe('exactInteger', () => {
  it('takes whole numbers up to 2^53 - 1 either way', () => {
    expect(exactInteger(0, 'x')).toBe(0n);
    expect(exactInteger(Number.MAX_SAFE_INTEGER, 'x')).toBe(9_007_199_254_740_991n);
    expect(exactInteger(-Number.MAX_SAFE_INTEGER, 'x')).toBe(-9_007_199_254_740_991n);
  });

  it('refuses fractions, 2^53 and beyond, and non-numbers, naming the value', () => {
    expect(() => exactInteger(0.5, 'quantity')).toThrow(new RangeError('quantity must be an integer below 2^53, got 0.5'));
    expect(() => exactInteger(2 ** 53, 'price')).toThrow(/^price must be an integer below 2\^53, got 9007199254740992$/);
    expect(() => exactInteger(Number.NaN, 'rate')).toThrow(RangeError);
  });
});

describe('exactAmount', () => {
  it('gives the number for amounts up to 2^53 - 1 either way', () => {
    expect(MAX_EXACT_MINOR).toBe(9_007_199_254_740_991n);
    expect(exactAmount(MAX_EXACT_MINOR, 'total')).toBe(Number.MAX_SAFE_INTEGER);
    expect(exactAmount(-MAX_EXACT_MINOR, 'total')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(exactAmount(0n, 'total')).toBe(0);
  });

  it('refuses an amount one beyond, instead of rounding it', () => {
    expect(() => exactAmount(MAX_EXACT_MINOR + 1n, 'total')).toThrow(
      new RangeError('total 9007199254740992 is beyond the largest exact amount (2^53 - 1 minor units)'),
    );
    expect(() => exactAmount(-MAX_EXACT_MINOR - 1n, 'net')).toThrow(/^net -9007199254740992 is beyond/);
  });
});

import { bigintAsNumber } from './bigint-column';

describe('bigintAsNumber', () => {
  it('reads the string Postgres returns for a bigint as a number, null as null', () => {
    expect(bigintAsNumber.from('0')).toBe(0);
    expect(bigintAsNumber.from('-1250')).toBe(-1250);
    expect(bigintAsNumber.from('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(bigintAsNumber.from(null)).toBeNull();
  });

  it('writes the number as it is', () => {
    expect(bigintAsNumber.to(4905)).toBe(4905);
    expect(bigintAsNumber.to(null)).toBeNull();
    expect(bigintAsNumber.to(undefined)).toBeUndefined();
  });
});

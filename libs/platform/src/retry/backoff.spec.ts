import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 500, maxMs: 30_000 };

  it('doubles per attempt, between half and all of the exponential step', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(250);
    expect(backoffDelay(1, options, () => 1)).toBe(500);
    expect(backoffDelay(2, options, () => 1)).toBe(1000);
    expect(backoffDelay(4, options, () => 0.5)).toBe(3000);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { initialMs: 1000, maxMs: 900_000 }, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { initialMs: 1000, maxMs: 900_000 }, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('jitters within the upper half of the step: two draws, two delays', () => {
    expect(backoffDelay(3, options, () => 0.1)).toBe(1100);
    expect(backoffDelay(3, options, () => 0.9)).toBe(1900);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(2, options);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });

  it('never exceeds the maximum, however many attempts', () => {
    expect(backoffDelay(7, options, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, options, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, options, () => 0)).toBe(15_000);
    expect(backoffDelay(40, { initialMs: 1000, maxMs: 900_000 }, () => 1)).toBe(900_000);
  });

  it('treats attempt 0 or less as the first', () => {
    expect(backoffDelay(0, options, () => 1)).toBe(500);
    expect(backoffDelay(-3, options, () => 1)).toBe(500);
  });
});

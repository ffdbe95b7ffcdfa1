import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 500, maxMs: 30_000 };

  it('doubles per attempt, between half and all of the exponential step', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(250);
    expect(backoffDelay(1, options, () => 1)).toBe(500);
    expect(backoffDelay(2, options, () => 1)).toBe(1000);
    expect(backoffDelay(4, options, () => 0.5)).toBe(3000);
  });

  it('never exceeds the maximum, however many attempts', () => {
    expect(backoffDelay(7, options, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, options, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, options, () => 0)).toBe(15_000);
  });

  it('treats attempt 0 or less as the first', () => {
    expect(backoffDelay(0, options, () => 1)).toBe(500);
  });
});

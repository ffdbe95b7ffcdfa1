import { afterAttempt, MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles per failed attempt, between half and the whole of the exponential delay', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(3, 1000, () => 0.5)).toBe(3000);
  });

  it('is capped at 15 minutes', () => {
    expect(retryDelayMs(40, 1000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('jitters: two random draws give different delays', () => {
    const draws = [0.1, 0.9];
    const delays = draws.map((draw) => retryDelayMs(5, 1000, () => draw));
    expect(new Set(delays).size).toBe(2);
  });
});

describe('afterAttempt', () => {
  const policy = { maxAttempts: 3, baseMs: 100 };

  it('is delivered on success, whatever the attempt', () => {
    expect(afterAttempt(true, 3, policy)).toEqual({ status: 'DELIVERED' });
  });

  it('retries with backoff until the last attempt, then is DEAD', () => {
    expect(afterAttempt(false, 1, policy, () => 0)).toEqual({ status: 'PENDING', retryInMs: 50 });
    expect(afterAttempt(false, 2, policy, () => 0)).toEqual({ status: 'PENDING', retryInMs: 100 });
    expect(afterAttempt(false, 3, policy)).toEqual({ status: 'DEAD' });
  });
});

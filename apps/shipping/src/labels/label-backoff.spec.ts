import { afterFailedAttempt, retryDelayMs } from './label-backoff';

describe('retryDelayMs', () => {
  const policy = { baseMs: 500, maxMs: 30_000 };

  it('doubles from the base with every attempt', () => {
    const ceiling = (attempt: number) => retryDelayMs(attempt, policy, () => 1);
    expect([1, 2, 3, 4].map(ceiling)).toEqual([500, 1000, 2000, 4000]);
  });

  it('jitters within the upper half of the exponential delay', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(1000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(1500);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(2, policy);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });

  it('never grows past the cap, however many attempts', () => {
    expect(retryDelayMs(10, policy, () => 1)).toBe(30_000);
    expect(retryDelayMs(60, policy, () => 1)).toBe(30_000);
    expect(retryDelayMs(60, policy, () => 0)).toBe(15_000);
  });

  it('treats attempt 0 like the first', () => {
    expect(retryDelayMs(0, policy, () => 1)).toBe(500);
  });
});

describe('afterFailedAttempt', () => {
  const policy = { maxAttempts: 3, baseMs: 100, maxMs: 10_000 };

  it('retries with backoff until maxAttempts calls have failed, then gives up', () => {
    expect(afterFailedAttempt(1, policy, () => 1)).toEqual({ kind: 'retry', delayMs: 100 });
    expect(afterFailedAttempt(2, policy, () => 1)).toEqual({ kind: 'retry', delayMs: 200 });
    expect(afterFailedAttempt(3, policy)).toEqual({ kind: 'give-up' });
    expect(afterFailedAttempt(4, policy)).toEqual({ kind: 'give-up' });
  });

  it('gives up after the first failure when only one attempt is allowed', () => {
    expect(afterFailedAttempt(1, { ...policy, maxAttempts: 1 })).toEqual({ kind: 'give-up' });
  });
});

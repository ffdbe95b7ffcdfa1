import { afterFailedAttempt } from './retry-policy';

describe('afterFailedAttempt', () => {
  const policy = { maxAttempts: 3, initialMs: 100, maxMs: 10_000 };

  it('retries with backoff until maxAttempts tries have failed, then gives up', () => {
    expect(afterFailedAttempt(1, policy, () => 1)).toEqual({ kind: 'retry', delayMs: 100 });
    expect(afterFailedAttempt(2, policy, () => 1)).toEqual({ kind: 'retry', delayMs: 200 });
    expect(afterFailedAttempt(1, policy, () => 0)).toEqual({ kind: 'retry', delayMs: 50 });
    expect(afterFailedAttempt(2, policy, () => 0)).toEqual({ kind: 'retry', delayMs: 100 });
    expect(afterFailedAttempt(3, policy)).toEqual({ kind: 'give-up' });
    expect(afterFailedAttempt(4, policy)).toEqual({ kind: 'give-up' });
  });

  it('gives up after the first failure when only one attempt is allowed', () => {
    expect(afterFailedAttempt(1, { ...policy, maxAttempts: 1 })).toEqual({ kind: 'give-up' });
  });
});

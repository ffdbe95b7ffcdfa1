import { afterAttempt, MAX_RETRY_DELAY_MS } from './delivery-outcome';

describe('afterAttempt', () => {
  const policy = { maxAttempts: 3, initialMs: 100 };

  it('is delivered on success, whatever the attempt', () => {
    expect(afterAttempt(true, 3, policy)).toEqual({ status: 'DELIVERED' });
  });

  it('retries with backoff until the last attempt, then is DEAD', () => {
    expect(afterAttempt(false, 1, policy, () => 0)).toEqual({ status: 'PENDING', retryInMs: 50 });
    expect(afterAttempt(false, 2, policy, () => 0)).toEqual({ status: 'PENDING', retryInMs: 100 });
    expect(afterAttempt(false, 3, policy)).toEqual({ status: 'DEAD' });
  });

  it('waits at most 15 minutes between attempts', () => {
    expect(MAX_RETRY_DELAY_MS).toBe(900_000);
    expect(afterAttempt(false, 40, { maxAttempts: 100, initialMs: 1000 }, () => 1)).toEqual({ status: 'PENDING', retryInMs: 900_000 });
    expect(afterAttempt(false, 40, { maxAttempts: 100, initialMs: 1000 }, () => 0)).toEqual({ status: 'PENDING', retryInMs: 450_000 });
  });
});

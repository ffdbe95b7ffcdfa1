/** No retry waits longer than this, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 15 * 60 * 1000;

/**
 * Delay before the next delivery attempt after `failedAttempts` failures: the base doubled per
 * failure, capped, with "equal jitter" (half fixed, half random) so many failing activities do
 * not retry in lock-step but never retry immediately.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export type DeliveryOutcome =
  | { status: 'DELIVERED' }
  | { status: 'PENDING'; retryInMs: number }
  | { status: 'DEAD' };

/** What a failed or successful attempt (the `attempts`-th) leads to. */
export function afterAttempt(
  succeeded: boolean,
  attempts: number,
  policy: { maxAttempts: number; baseMs: number },
  random: () => number = Math.random,
): DeliveryOutcome {
  if (succeeded) return { status: 'DELIVERED' };
  if (attempts >= policy.maxAttempts) return { status: 'DEAD' };
  return { status: 'PENDING', retryInMs: retryDelayMs(attempts, policy.baseMs, random) };
}

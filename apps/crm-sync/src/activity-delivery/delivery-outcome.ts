import { afterFailedAttempt } from '@tradeflow/platform';

/** No retry waits longer than this, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 15 * 60 * 1000;

export type DeliveryOutcome =
  | { status: 'DELIVERED' }
  | { status: 'PENDING'; retryInMs: number }
  | { status: 'DEAD' };

/** What a failed or successful attempt (the `attempts`-th) leads to. */
export function afterAttempt(
  succeeded: boolean,
  attempts: number,
  policy: { maxAttempts: number; initialMs: number },
  random: () => number = Math.random,
): DeliveryOutcome {
  if (succeeded) return { status: 'DELIVERED' };
  const next = afterFailedAttempt(attempts, { ...policy, maxMs: MAX_RETRY_DELAY_MS }, random);
  return next.kind === 'retry' ? { status: 'PENDING', retryInMs: next.delayMs } : { status: 'DEAD' };
}

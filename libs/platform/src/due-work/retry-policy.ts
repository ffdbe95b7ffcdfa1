import type { BackoffOptions } from '../retry/backoff';
import { backoffDelay } from '../retry/backoff';

/** How often a piece of due work is tried, and how long it waits between tries. */
export interface RetryPolicy extends BackoffOptions {
  maxAttempts: number;
}

export type AfterFailure = { kind: 'retry'; delayMs: number } | { kind: 'give-up' };

/** After failed attempt number `attempt` (1-based): retry after the backoff, or give up (dead) once maxAttempts tries have failed. */
export function afterFailedAttempt(attempt: number, policy: RetryPolicy, random: () => number = Math.random): AfterFailure {
  if (attempt >= policy.maxAttempts) return { kind: 'give-up' };
  return { kind: 'retry', delayMs: backoffDelay(attempt, policy, random) };
}

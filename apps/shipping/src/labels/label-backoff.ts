export interface LabelRetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export type AfterFailure = { kind: 'retry'; delayMs: number } | { kind: 'give-up' };

/**
 * Delay before the retry that follows failed attempt number `attempt` (1-based): base × 2^(attempt−1),
 * capped at maxMs, with "equal jitter" — a random point in its upper half — so replicas that failed
 * together do not retry together, while the delay still grows with every attempt.
 */
export function retryDelayMs(attempt: number, policy: Pick<LabelRetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** After failed attempt number `attempt`: retry later, or give up once maxAttempts calls have failed. */
export function afterFailedAttempt(attempt: number, policy: LabelRetryPolicy, random: () => number = Math.random): AfterFailure {
  if (attempt >= policy.maxAttempts) return { kind: 'give-up' };
  return { kind: 'retry', delayMs: retryDelayMs(attempt, policy, random) };
}

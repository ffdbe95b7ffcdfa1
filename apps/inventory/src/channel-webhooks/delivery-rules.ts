import type { RetryPolicy } from '@tradeflow/platform';
import { afterFailedAttempt } from '@tradeflow/platform';
import { FEEDS } from './webhook-feed';

/** The newest delivery recorded for one subscription and key, if any. */
export interface LatestDelivery {
  version: number;
  /** Not sent yet (PENDING, perhaps being sent or waiting for a retry). */
  pending: boolean;
}

export type Coalescing = 'insert' | 'replace' | 'ignore';

/**
 * A change to a key while its last delivery is still pending replaces what that delivery will send,
 * so a burst of changes sends the latest record once. A version no newer than the latest recorded
 * is a replay or out of date: the channel already has it or something newer coming.
 */
export function coalesce(latest: LatestDelivery | undefined, incomingVersion: number): Coalescing {
  if (!latest) return 'insert';
  if (incomingVersion <= latest.version) return 'ignore';
  return latest.pending ? 'replace' : 'insert';
}

export type AttemptOutcome =
  | { status: 'DELIVERED'; attempts: number }
  | { status: 'PENDING'; attempts: number; retryInMs: number }
  | { status: 'FAILED'; attempts: number };

/**
 * What one POST leads to, `attempts` being the tries recorded before it. A delivery whose record
 * was replaced while it was being sent is not delivered by a 2xx: the newer record goes out at
 * once, without counting that try against it.
 */
export function afterAttempt(
  delivered: boolean,
  attempts: number,
  replacedMeanwhile: boolean,
  policy: RetryPolicy,
  random: () => number = Math.random,
): AttemptOutcome {
  if (delivered) return replacedMeanwhile ? { status: 'PENDING', attempts, retryInMs: 0 } : { status: 'DELIVERED', attempts: attempts + 1 };
  const next = afterFailedAttempt(attempts + 1, policy, random);
  return next.kind === 'retry'
    ? { status: 'PENDING', attempts: attempts + 1, retryInMs: Math.round(next.delayMs) }
    : { status: 'FAILED', attempts: attempts + 1 };
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Why a subscription's url or feeds cannot be used; empty when they can. */
export function subscriptionProblems(url: string, feeds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    problems.push({ field: 'url', message: 'must be an absolute http or https URL' });
  } else if (parsed.username || parsed.password) {
    // The listing shows the url to auditors; the signature is what authenticates a delivery.
    problems.push({ field: 'url', message: 'must not contain a user name or password' });
  }
  if (feeds.length === 0) problems.push({ field: 'feeds', message: `must name at least one of ${FEEDS.join(', ')}` });
  for (const feed of new Set(feeds)) {
    if (!(FEEDS as readonly string[]).includes(feed)) problems.push({ field: 'feeds', message: `${feed} is not a feed (known: ${FEEDS.join(', ')})` });
    else if (feeds.indexOf(feed) !== feeds.lastIndexOf(feed)) problems.push({ field: 'feeds', message: `${feed} is named twice` });
  }
  return problems;
}

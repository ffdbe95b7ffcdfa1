import { asError } from '../dead-letter/dead-letter-reason';
import type { BackoffOptions } from '@tradeflow/platform';
import { backoffDelay } from '@tradeflow/platform';
import type { RecordSource } from './consumed-event';

/** A partition waiting to retry the record at `offset`; shown by the status endpoint. */
export interface PartitionRetryStatus {
  topic: string;
  partition: number;
  offset: string;
  /** Failures of this record for a non-transient reason; at the maximum it is dead-lettered. */
  attempts: number;
  /** Every failure, transient ones included; drives the backoff. */
  failures: number;
  firstFailureAt: string;
  lastError: string;
  nextAttemptAt: string | null;
}

interface RetryState {
  offset: string;
  attempts: number;
  failures: number;
  firstFailureAt: Date;
  lastError: string;
  nextAttemptAt: Date | null;
}

/**
 * Failure bookkeeping per partition, in memory: the record a partition is stuck on, how often it
 * failed, and the timer that resumes the paused partition. A new owner of the partition after a
 * rebalance starts counting again, which at worst adds attempts; it never skips a record.
 */
export class PartitionRetries {
  private readonly states = new Map<string, RetryState & { topic: string; partition: number }>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly backoff: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /** Counts a failure of the record at `source`; `counted` for non-transient ones. Returns the state. */
  recordFailure(source: RecordSource, error: unknown, counted: boolean): Readonly<RetryState> {
    const key = keyOf(source);
    let state = this.states.get(key);
    if (!state || state.offset !== source.offset) {
      state = { ...source, attempts: 0, failures: 0, firstFailureAt: new Date(), lastError: '', nextAttemptAt: null };
      this.states.set(key, state);
    }
    state.failures += 1;
    if (counted) state.attempts += 1;
    const { name, message } = asError(error);
    state.lastError = `${name}: ${message}`;
    return state;
  }

  /** Non-transient failures of the record at `source` so far (0 when it is not the one stuck). */
  attemptsOf(source: RecordSource): number {
    const state = this.states.get(keyOf(source));
    return state?.offset === source.offset ? state.attempts : 0;
  }

  /** Every failure of the record at `source` so far, transient ones included. */
  failuresOf(source: RecordSource): number {
    const state = this.states.get(keyOf(source));
    return state?.offset === source.offset ? state.failures : 0;
  }

  /** The partition got past its stuck record (applied or dead-lettered). */
  forget(topic: string, partition: number): void {
    this.states.delete(keyOf({ topic, partition }));
  }

  /** After a rebalance: partitions now owned by another replica are no longer this one's to report. */
  keepOnly(assignment: Record<string, number[]>): void {
    for (const [key, state] of this.states) {
      if (!assignment[state.topic]?.includes(state.partition)) this.states.delete(key);
    }
  }

  /** Calls `resume` after the backoff for the partition's failures so far; returns the delay. */
  scheduleResume(source: RecordSource, resume: () => void): number {
    const state = this.states.get(keyOf(source));
    const delay = backoffDelay(state?.failures ?? 1, this.backoff, this.random);
    if (state) state.nextAttemptAt = new Date(Date.now() + delay);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (state) state.nextAttemptAt = null;
      resume();
    }, delay);
    this.timers.add(timer);
    return delay;
  }

  /** On shutdown: the consumer is leaving, nothing is to be resumed. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  status(): PartitionRetryStatus[] {
    return [...this.states.values()].map((state) => ({
      topic: state.topic,
      partition: state.partition,
      offset: state.offset,
      attempts: state.attempts,
      failures: state.failures,
      firstFailureAt: state.firstFailureAt.toISOString(),
      lastError: state.lastError,
      nextAttemptAt: state.nextAttemptAt?.toISOString() ?? null,
    }));
  }
}

function keyOf({ topic, partition }: { topic: string; partition: number }): string {
  return `${topic}|${partition}`;
}

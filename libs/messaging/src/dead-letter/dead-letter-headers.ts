import type { IHeaders } from 'kafkajs';
import type { RawRecord } from '../consumer/consumed-event';
import { asError, deadLetterReasonOf } from './dead-letter-reason';

/** Headers a dead letter carries beside the record's own, all prefixed so they never clash with them. */
export const DLQ_HEADER = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  originalKey: 'dlq-original-key',
  originalTimestamp: 'dlq-original-timestamp',
  reason: 'dlq-reason',
  errorClass: 'dlq-error-class',
  errorMessage: 'dlq-error-message',
  errorStack: 'dlq-error-stack',
  attempts: 'dlq-attempts',
  firstFailureAt: 'dlq-first-failure-at',
  lastFailureAt: 'dlq-last-failure-at',
  consumer: 'dlq-consumer',
  /** Set when the value was too large to keep: its size in bytes. */
  valueOmittedBytes: 'dlq-value-omitted-bytes',
  /** On a replayed record: the dead letter it came from, `<dlq topic>:<partition>:<offset>`. */
  replayOf: 'dlq-replay-of',
  /** On a replayed record: the only consumer group that applies it; other groups skip it (replays once went to the public topic). */
  replayFor: 'dlq-replay-for',
  /** On a marker record in the dead-letter topic: `replayed` or `dismissed`. */
  marker: 'dlq-marker',
  /** On a marker: the dead letter it marks, `<partition>:<offset>`. */
  markerOf: 'dlq-marker-of',
  markerAt: 'dlq-marker-at',
  /** On a `dismissed` marker: why the dead letter must never be applied. */
  markerReason: 'dlq-marker-reason',
} as const;

export const STACK_LIMIT = 2000;
export const MESSAGE_LIMIT = 1000;

export interface FailureDetails {
  error: unknown;
  attempts: number;
  firstFailureAt: Date;
}

/** The dead letter's headers: the original record's, then why, where from and when. */
export function deadLetterHeaders(
  record: RawRecord,
  failure: FailureDetails,
  consumer: string,
  now = new Date(),
): Record<string, string | Buffer> {
  const error = asError(failure.error);
  return {
    ...withoutDeadLetterHeaders(record.headers, [DLQ_HEADER.replayOf]),
    [DLQ_HEADER.originalTopic]: record.source.topic,
    [DLQ_HEADER.originalPartition]: String(record.source.partition),
    [DLQ_HEADER.originalOffset]: record.source.offset,
    [DLQ_HEADER.originalKey]: record.key?.toString('utf8') ?? '',
    ...(record.timestamp ? { [DLQ_HEADER.originalTimestamp]: record.timestamp } : {}),
    [DLQ_HEADER.reason]: deadLetterReasonOf(failure.error),
    [DLQ_HEADER.errorClass]: error.name,
    [DLQ_HEADER.errorMessage]: error.message.slice(0, MESSAGE_LIMIT),
    [DLQ_HEADER.errorStack]: (error.stack ?? '').slice(0, STACK_LIMIT),
    [DLQ_HEADER.attempts]: String(failure.attempts),
    [DLQ_HEADER.firstFailureAt]: failure.firstFailureAt.toISOString(),
    [DLQ_HEADER.lastFailureAt]: now.toISOString(),
    [DLQ_HEADER.consumer]: consumer,
  };
}

/**
 * The record's headers without the dead-letter ones (keeping `keep`), e.g. to replay it as it first
 * arrived. A replayed record that fails again thus carries only its latest failure, plus where it was replayed from.
 */
export function withoutDeadLetterHeaders(headers: IHeaders, keep: readonly string[] = []): IHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith('dlq-') || keep.includes(name)),
  ) as IHeaders;
}

export function headerText(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

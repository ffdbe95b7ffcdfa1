import type { IHeaders } from 'kafkajs';
import { DLQ_HEADER, headerText } from './dead-letter-headers';

/** One record in a consumer group's dead-letter topic, as listed by the API, the endpoint and the command. */
export interface DeadLetter {
  /** `<partition>:<offset>` in the dead-letter topic: what replay selects by. */
  id: string;
  deadLetterTopic: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  key: string | null;
  eventType: string | null;
  eventId: string | null;
  reason: string;
  errorClass: string;
  errorMessage: string;
  errorStack: string;
  attempts: number;
  firstFailureAt: string | null;
  lastFailureAt: string | null;
  consumer: string;
  /** Size of the original value; null when the record had none. */
  valueBytes: number | null;
  /** True when the value was too large and was not kept (such a record cannot be replayed). */
  valueOmitted: boolean;
  /** Set once a replay marker names this dead letter. */
  replayedAt: string | null;
  /** Set once a dismissal marker names this dead letter: it must never be applied (garbage, forged). */
  dismissedAt: string | null;
  dismissReason: string | null;
  /** The dead letter this one was replayed from, when a replay failed again. */
  replayOf: string | null;
  /** Every header of the record as text (the record's own and the dlq-* ones). */
  headers: Record<string, string>;
}

/** A record of the dead-letter topic: a dead letter, or a marker saying one was replayed or dismissed. */
export type DeadLetterTopicEntry =
  | { kind: 'dead-letter'; deadLetter: DeadLetter; value: Buffer | null; headers: IHeaders }
  | { kind: 'replay-marker'; of: string; at: string }
  | { kind: 'dismissal-marker'; of: string; at: string; reason: string };

export interface DeadLetterTopicRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

export function readDeadLetterEntry(record: DeadLetterTopicRecord): DeadLetterTopicEntry {
  const text = (name: string) => headerText(record.headers, name);
  const markerOf = text(DLQ_HEADER.markerOf);
  if (text(DLQ_HEADER.marker) === 'replayed' && markerOf) {
    return { kind: 'replay-marker', of: markerOf, at: text(DLQ_HEADER.markerAt) ?? '' };
  }
  if (text(DLQ_HEADER.marker) === 'dismissed' && markerOf) {
    return { kind: 'dismissal-marker', of: markerOf, at: text(DLQ_HEADER.markerAt) ?? '', reason: text(DLQ_HEADER.markerReason) ?? '' };
  }
  const omitted = text(DLQ_HEADER.valueOmittedBytes);
  const deadLetter: DeadLetter = {
    id: `${record.partition}:${record.offset}`,
    deadLetterTopic: record.topic,
    originalTopic: text(DLQ_HEADER.originalTopic) ?? '',
    originalPartition: Number(text(DLQ_HEADER.originalPartition) ?? -1),
    originalOffset: text(DLQ_HEADER.originalOffset) ?? '',
    key: record.key?.toString('utf8') ?? null,
    eventType: text('event-type') ?? null,
    eventId: text('event-id') ?? null,
    // Dead letters written before reasons existed carry only the error class.
    reason: text(DLQ_HEADER.reason) ?? (text(DLQ_HEADER.errorClass) === 'UndecodableEventError' ? 'undecodable' : 'handler-error'),
    errorClass: text(DLQ_HEADER.errorClass) ?? '',
    errorMessage: text(DLQ_HEADER.errorMessage) ?? '',
    errorStack: text(DLQ_HEADER.errorStack) ?? '',
    attempts: Number(text(DLQ_HEADER.attempts) ?? 0),
    firstFailureAt: text(DLQ_HEADER.firstFailureAt) ?? null,
    lastFailureAt: text(DLQ_HEADER.lastFailureAt) ?? null,
    consumer: text(DLQ_HEADER.consumer) ?? '',
    valueBytes: omitted ? Number(omitted) : (record.value?.length ?? null),
    valueOmitted: omitted !== undefined,
    replayedAt: null,
    dismissedAt: null,
    dismissReason: null,
    replayOf: text(DLQ_HEADER.replayOf) ?? null,
    headers: Object.fromEntries(Object.keys(record.headers).map((name) => [name, text(name) ?? ''])),
  };
  return { kind: 'dead-letter', deadLetter, value: record.value, headers: record.headers };
}

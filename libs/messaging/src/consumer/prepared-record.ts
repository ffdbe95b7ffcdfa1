import type { DomainEvent, EventCodec } from '@tradeflow/events';
import { UndecodableEventError } from '@tradeflow/events';
import type { KafkaMessage } from 'kafkajs';
import { DLQ_HEADER, headerText } from '../dead-letter/dead-letter-headers';
import { asError } from '../dead-letter/dead-letter-reason';
import { RecordTooLargeError } from '../kafka/record-size';
import type { ConsumedEvent, RawRecord } from './consumed-event';

/** A record ready to apply: an event, a reason to dead-letter it, or neither (nothing to do). */
export interface PreparedRecord {
  raw: RawRecord;
  event?: DomainEvent;
  failure?: unknown;
}

/** The record must be tried again later without counting an attempt: a dependency is down. */
export class DependencyUnavailable extends Error {
  override readonly name = 'DependencyUnavailable';
}

export interface PrepareOptions {
  groupId: string;
  maxRecordBytes?: number;
}

/**
 * Decodes a record, or says why it never will be. A replay meant for another consumer group is
 * nothing to this one. Throws DependencyUnavailable when the registry cannot be asked.
 */
export async function prepareRecord(raw: RawRecord, codec: EventCodec, options: PrepareOptions): Promise<PreparedRecord> {
  const replayFor = headerText(raw.headers, DLQ_HEADER.replayFor);
  if (replayFor !== undefined && replayFor !== options.groupId) return { raw };
  const limit = options.maxRecordBytes;
  if (limit !== undefined && raw.value && raw.value.length > limit) {
    return { raw, failure: new RecordTooLargeError(raw.value.length, limit, 'record') };
  }
  try {
    if (!raw.value) throw new UndecodableEventError('not-wire-format', 'record has no value');
    return { raw, event: await codec.decode(raw.value) };
  } catch (error) {
    if (error instanceof UndecodableEventError) return { raw, failure: error };
    // The codec reports everything retrying cannot fix as undecodable; the rest is the registry being away.
    throw new DependencyUnavailable(`decoding needs the schema registry: ${asError(error).message}`, { cause: error });
  }
}

export function toRawRecord(topic: string, partition: number, message: KafkaMessage): RawRecord {
  return {
    source: { topic, partition, offset: message.offset },
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
    timestamp: message.timestamp,
  };
}

export function toConsumedEvent(item: PreparedRecord): ConsumedEvent {
  return { event: item.event as DomainEvent, source: item.raw.source, raw: item.raw };
}

import type { DomainEvent } from '@tradeflow/events';
import type { IHeaders } from 'kafkajs';

export interface RecordSource {
  topic: string;
  partition: number;
  offset: string;
}

/** A Kafka record as it arrived, kept so a dead letter carries the original bytes. */
export interface RawRecord {
  source: RecordSource;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
  /** The broker's timestamp (epoch milliseconds as text), kept on the dead letter. */
  timestamp?: string;
}

export interface ConsumedEvent {
  event: DomainEvent;
  source: RecordSource;
  raw: RawRecord;
}

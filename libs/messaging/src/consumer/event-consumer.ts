import { Logger } from '@nestjs/common';
import type { EventCodec } from '@tradeflow/events';
import { UndecodableEventError } from '@tradeflow/events';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import type { ConsumedEvent, RawRecord } from './consumed-event';
import { subscribeWhenReady } from '../kafka/subscribe-when-ready';
import { isTransient } from './transient-errors';

/** Applies a batch of events of one partition in one database transaction, or throws. */
export type BatchProcessor = (events: ConsumedEvent[]) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  topics: string[];
  maxAttempts: number;
  partitionsConsumedConcurrently: number;
}

/**
 * Batch consumption with at-least-once delivery: offsets are committed only after the batch's
 * transaction commits. Transient failures (database, broker) rethrow so kafkajs redelivers from
 * the last committed offset after backoff, skipping nothing. Records that cannot be decoded, and
 * events that keep failing for another reason, go to the dead-letter topic and the consumer moves on.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly codec: EventCodec,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly process: BatchProcessor,
    private readonly options: EventConsumerOptions,
  ) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false });
    await this.consumer.connect();
    await subscribeWhenReady(this.consumer, this.options.topics);
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  /** Waits for the running batch to finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }: EachBatchPayload) {
    if (batch.messages.length === 0) return;
    const events: ConsumedEvent[] = [];
    for (const message of batch.messages) {
      const raw = toRawRecord(batch.topic, batch.partition, message);
      const event = await this.decode(raw);
      if (event) events.push({ event, source: raw.source, raw });
    }
    await this.apply(events);
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  private async decode(raw: RawRecord) {
    try {
      if (!raw.value) throw new UndecodableEventError('not-wire-format', 'record has no value');
      return await this.codec.decode(raw.value);
    } catch (error) {
      if (!(error instanceof UndecodableEventError)) throw error;
      await this.deadLetters.publish(raw, { error, attempts: 1, firstFailureAt: new Date() });
      return undefined;
    }
  }

  private async apply(events: ConsumedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.process(events);
    } catch (error) {
      if (isTransient(error)) throw error;
      this.logger.warn({ err: error, msg: 'batch failed; applying its events one by one to isolate the cause' });
      for (const event of events) await this.applyOne(event);
    }
  }

  private async applyOne(event: ConsumedEvent): Promise<void> {
    const firstFailureAt = new Date();
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      try {
        await this.process([event]);
        return;
      } catch (error) {
        if (isTransient(error)) throw error;
        lastError = error;
      }
    }
    await this.deadLetters.publish(event.raw, { error: lastError, attempts: this.options.maxAttempts, firstFailureAt });
  }
}

function toRawRecord(topic: string, partition: number, message: KafkaMessage): RawRecord {
  return {
    source: { topic, partition, offset: message.offset },
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
  };
}

import { Logger } from '@nestjs/common';
import type { EventCodec } from '@tradeflow/events';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { asError } from '../dead-letter/dead-letter-reason';
import { eventHeaders } from '../kafka/event-headers';
import { subscribeWhenReady } from '../kafka/subscribe-when-ready';
import type { BackoffOptions } from '@tradeflow/platform';
import { BatchProgress } from './batch-progress';
import type { ConsumedEvent, RawRecord } from './consumed-event';
import type { PreparedRecord } from './prepared-record';
import { DependencyUnavailable, prepareRecord, toConsumedEvent, toRawRecord } from './prepared-record';
import type { PartitionRetryStatus } from './partition-retries';
import { PartitionRetries } from './partition-retries';
import { ConsumerRestarts } from './consumer-restarts';
import { KeyLanes } from './key-lanes';
import { TransactionSizing } from './transaction-sizing';
import { isConflict, isTransient } from './transient-errors';
import { messagingMetrics } from '../telemetry/messaging-metrics';

/** Applies a batch of events of one partition in one database transaction, or throws. */
export type BatchProcessor = (events: ConsumedEvent[]) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  topics: string[];
  maxAttempts: number;
  partitionsConsumedConcurrently: number;
  retry?: BackoffOptions;
  /** Incoming records above it are dead-lettered; the transport also refuses to publish events above it. */
  maxRecordBytes?: number;
  maxBytesPerPartition?: number;
  maxBytes?: number;
  maxWaitTimeInMs?: number;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  /** How long one transaction of a batch should run; a batch of slow events is split to match. */
  transactionTargetMs: number;
  /** Key ranges applied at once, each by one writer (see KeyLanes); 1 when not given. */
  keyLanes?: number;
}

export interface ConsumerStatus {
  groupId: string;
  running: boolean;
  /** Partitions paused on a failing record, waiting to retry it. */
  retrying: PartitionRetryStatus[];
}

/** kafkajs' default heartbeat interval. */
const DEFAULT_HEARTBEAT_MS = 3000;
/** Runs of a transaction that keeps losing deadlocks before its partition pauses like for an outage. */
const CONFLICT_ATTEMPTS = 3;

/** The record failed for a non-transient reason and has attempts left: pause, then try it again. */
class RetryLater extends Error {
  override readonly name = 'RetryLater';
}

/**
 * The record failed while an earlier record of its partition (on another lane) was not done yet.
 * Its attempt is counted once it is the partition's first record not done: counting it now could
 * overwrite the count of that earlier record, should it fail too, so neither would ever reach
 * the dead-letter topic.
 */
class FailedBehind extends Error {
  override readonly name = 'FailedBehind';
}

function isRetryable(error: unknown): boolean {
  return error instanceof RetryLater || error instanceof FailedBehind || error instanceof DependencyUnavailable || isTransient(error);
}

/**
 * Batch consumption with at-least-once delivery: an offset is resolved (and committed after the
 * batch) only once the record and every one before it are applied or dead-lettered, so nothing is
 * skipped. A fetched batch is split by key lane (one writer per key range, see KeyLanes); each
 * lane's piece is applied in transactions of about `transactionTargetMs` each; one that fails is
 * split to find the record at fault; the records before it are kept. On a failure the partition is paused and
 * resumed after an exponential backoff with jitter: its records are fetched again from the failing
 * one, while the other partitions go on. Transient failures (database, broker, registry down) retry
 * for as long as it takes; a record that keeps failing otherwise goes to the dead-letter topic after
 * `maxAttempts`, and so does one that cannot be decoded.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly retries: PartitionRetries;
  private readonly restarts: ConsumerRestarts;
  private readonly sizing: TransactionSizing;
  private readonly lanes: KeyLanes;
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly codec: EventCodec,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly process: BatchProcessor,
    private readonly options: EventConsumerOptions,
  ) {
    const backoff = options.retry ?? { initialMs: 500, maxMs: 30_000 };
    this.retries = new PartitionRetries(backoff);
    this.restarts = new ConsumerRestarts(backoff, this.logger);
    this.sizing = new TransactionSizing(options.transactionTargetMs);
    this.lanes = new KeyLanes(options.keyLanes ?? 1);
  }

  async start(): Promise<void> {
    this.restarts.started();
    const { groupId, maxBytesPerPartition, maxBytes, maxWaitTimeInMs, sessionTimeout, heartbeatInterval } = this.options;
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      retry: { restartOnFailure: this.restarts.beforeRestart },
      ...definedOnly({ maxBytesPerPartition, maxBytes, maxWaitTimeInMs, sessionTimeout, heartbeatInterval }),
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.restarts.joined();
      this.retries.keepOnly(payload.memberAssignment);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.restarts.restartLater(payload.error, () => this.restart(consumer));
    });
    this.consumer = consumer;
    await consumer.connect();
    await subscribeWhenReady(consumer, this.options.topics);
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  /** Waits for the running batch to finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.restarts.stopped();
    this.retries.cancelAll();
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  /** Replaces a consumer kafkajs gave up on, unless the service stopped meanwhile. */
  private async restart(crashed: Consumer): Promise<void> {
    if (this.consumer !== crashed) return;
    await crashed.disconnect().catch(() => undefined);
    if (this.consumer !== crashed) return;
    try {
      await this.start();
    } catch (error) {
      // The broker may still be away: try again later with the consumer that just failed to start.
      const failed = this.consumer;
      if (failed) this.restarts.restartLater(error, () => this.restart(failed));
    }
  }

  status(): ConsumerStatus {
    return { groupId: this.options.groupId, running: this.consumer !== undefined, retrying: this.retries.status() };
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const records = batch.messages.map((message) => toRawRecord(batch.topic, batch.partition, message));
    if (records.length === 0) return;
    const progress = new BatchProgress(records.length, (index) => payload.resolveOffset(records[index].source.offset));
    // kafkajs heartbeats only between batches. One that takes longer than the session timeout (a
    // large backlog on a busy machine) would get this replica dropped from the group, its offsets
    // refused and the batch applied again elsewhere, over and over. A failed heartbeat here is left
    // to the one after the batch, which makes kafkajs rejoin.
    const keepAlive = setInterval(() => void payload.heartbeat().catch(() => undefined), this.options.heartbeatInterval ?? DEFAULT_HEARTBEAT_MS);
    try {
      await this.consumeRecords(records, progress);
      this.retries.forget(batch.topic, batch.partition);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      // Stopping: leave the rest unresolved; it is redelivered to whoever owns the partition next.
      if (payload.isRunning()) this.retryLater(records[progress.firstPending ?? 0], error, payload.pause);
    } finally {
      clearInterval(keepAlive);
    }
    await payload.heartbeat();
  }

  /**
   * The batch split by key lane, the lanes at once. A lane that fails stops its piece there; the
   * others finish theirs. Then the failure of the partition's first record not done decides how the
   * partition pauses (a bug anywhere still stops the consumer, as it always did).
   */
  private async consumeRecords(records: RawRecord[], progress: BatchProgress): Promise<void> {
    const pieces = this.lanes.split(records);
    const outcomes = await Promise.allSettled(
      pieces.map(({ lane, indexes }) => this.lanes.run(lane, () => this.consumePiece(records, indexes, progress))),
    );
    const failures = pieces.flatMap((piece, index) => {
      const outcome = outcomes[index];
      return outcome.status === 'rejected' ? [{ piece, error: outcome.reason as unknown }] : [];
    });
    const first = progress.firstPending;
    if (failures.length === 0 || first === undefined) return;
    const bug = failures.find(({ error }) => !isRetryable(error));
    throw (bug ?? failures.find(({ piece }) => piece.indexes.includes(first)) ?? failures[0]).error;
  }

  /** One lane's records of the batch in transactions of about CONSUMER_TRANSACTION_TARGET_MS each (see TransactionSizing). */
  private async consumePiece(records: RawRecord[], indexes: number[], progress: BatchProgress): Promise<void> {
    for (let start = 0; start < indexes.length; ) {
      const part = indexes.slice(start, start + this.sizing.next());
      const began = performance.now();
      await this.consumeTogether(part.map((index) => records[index]), part, progress);
      this.sizing.record(part.length, performance.now() - began);
      start += part.length;
    }
  }

  /** `records` are the batch's records at `indexes`. */
  private async consumeTogether(records: RawRecord[], indexes: number[], progress: BatchProgress): Promise<void> {
    const prepared: PreparedRecord[] = [];
    for (const raw of records) prepared.push(await prepareRecord(raw, this.codec, this.options));
    const events = prepared.filter((item) => item.event).map(toConsumedEvent);
    // A record already known to fail goes straight to the one-by-one path instead of failing the batch again.
    const stuck = this.retries.attemptsOf(records[0].source) > 0;
    if (events.length === 0 || (events.length > 1 && !stuck && (await this.applyTogether(events)))) {
      for (const [index, item] of prepared.entries()) {
        if (item.failure !== undefined) await this.deadLetter(item.raw, item.failure, 1);
        progress.done(indexes[index]);
      }
      return;
    }
    for (const [index, item] of prepared.entries()) {
      if (item.failure !== undefined) await this.deadLetter(item.raw, item.failure, 1);
      else if (item.event) await this.applyAlone(toConsumedEvent(item), progress.firstPending === indexes[index]);
      progress.done(indexes[index]);
    }
  }

  /**
   * One transaction for the events given (two or more; a lone one goes to applyAlone,
   * where its attempt counts): true when it committed, false when a record in it is at fault.
   */
  private async applyTogether(events: ConsumedEvent[]): Promise<boolean> {
    try {
      await this.processRetryingConflicts(events);
      return true;
    } catch (error) {
      if (isTransient(error)) throw error;
      this.logger.warn({ err: error, msg: 'batch failed; applying its events one by one to find the cause' });
      return false;
    }
  }

  /** `first`: the event's record is its partition's first not done (see FailedBehind). */
  private async applyAlone(event: ConsumedEvent, first: boolean): Promise<void> {
    try {
      await this.processRetryingConflicts([event]);
    } catch (error) {
      if (isTransient(error)) throw error;
      if (!first) throw new FailedBehind(asMessage(error), { cause: error });
      const state = this.retries.recordFailure(event.source, error, true);
      if (state.attempts < this.options.maxAttempts) throw new RetryLater(asMessage(error), { cause: error });
      // Decoded, so its type and id are known even if its producer sent no such headers.
      const raw = { ...event.raw, headers: { ...eventHeaders(event.event), ...event.raw.headers } };
      await this.deadLetter(raw, error, state.attempts, state.firstFailureAt);
    }
  }

  /**
   * A transaction that lost a deadlock (or a serialization conflict) runs again at once, as Postgres
   * advises: the winner has gone on. Pausing the partition for a backoff, as for an outage, cost
   * whole seconds per deadlock under load, growing with each one on the same record.
   */
  private async processRetryingConflicts(events: ConsumedEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.process(events);
      } catch (error) {
        if (!isConflict(error) || attempt >= CONFLICT_ATTEMPTS) throw error;
        this.logger.debug({ msg: 'transaction lost a deadlock; running it again', ...events[0].source, attempt });
      }
    }
  }

  private async deadLetter(raw: RawRecord, error: unknown, attempts: number, firstFailureAt = new Date()): Promise<void> {
    try {
      await this.deadLetters.publish(raw, { error, attempts, firstFailureAt });
    } catch (publishError) {
      // Never drop a record: without its dead letter it stays where it is until the broker takes it.
      throw new DependencyUnavailable(`dead-lettering failed: ${asMessage(publishError)}`, { cause: publishError });
    }
  }

  private retryLater(failed: RawRecord, error: unknown, pause: () => () => void): void {
    const counted = error instanceof RetryLater;
    const cause = error instanceof RetryLater || error instanceof FailedBehind || error instanceof DependencyUnavailable ? error.cause : error;
    if (!counted) this.retries.recordFailure(failed.source, error instanceof FailedBehind ? cause : error, false);
    const delay = this.retries.scheduleResume(failed.source, pause());
    messagingMetrics.retried(this.options.groupId, failed.source.topic, counted || error instanceof FailedBehind ? 'event-failed' : 'dependency-unavailable');
    // Through a long outage: the first failure, then every tenth, so the log says it goes on without flooding.
    const failures = this.retries.failuresOf(failed.source);
    const log = counted || failures === 1 || failures % 10 === 0 ? 'warn' : 'debug';
    this.logger[log]({
      msg: counted || error instanceof FailedBehind ? 'event failed; retrying it after a pause' : 'dependency unavailable; retrying after a pause',
      ...failed.source,
      attempts: this.retries.attemptsOf(failed.source),
      failures,
      maxAttempts: this.options.maxAttempts,
      retryInMs: delay,
      error: asMessage(cause),
    });
  }
}

function asMessage(error: unknown): string {
  const { name, message } = asError(error);
  return `${name}: ${message}`;
}

function definedOnly<T extends Record<string, number | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

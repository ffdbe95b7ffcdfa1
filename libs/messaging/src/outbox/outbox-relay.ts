import { Logger } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import type { DomainEvent, EventCodec } from '@tradeflow/events';
import type { Message, Producer, TopicMessages } from 'kafkajs';
import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { TopicNames } from '../kafka/topic-names';
import { eventHeaders } from '../kafka/event-headers';
import { messagingMetrics } from '../telemetry/messaging-metrics';
import { endSpans, startPublishSpan } from '../telemetry/messaging-spans';
import { FailureLog } from './failure-log';
import { OUTBOX_CHANNEL } from './outbox-writer.queries';

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  event: DomainEvent;
  headers: Record<string, string>;
}

export interface OutboxBacklog {
  count: number;
  oldestAgeSeconds: number;
}

export interface OutboxStatus extends OutboxBacklog {
  failingSince: string | null;
}

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  /** Rows read (and marked published) at a time. */
  batchSize: number;
  /**
   * Upper bound on the records of one produce request (KAFKA_MAX_RECORD_BYTES): the broker refuses a
   * partition's batch above its message.max.bytes, so a batch of rows may take several requests.
   */
  maxRequestBytes: number;
}

/** Framing of a record besides its key, value and headers (lengths, offsets, timestamp deltas), rounded up. */
const RECORD_OVERHEAD_BYTES = 32;

/** Any replica may hold the relay, but only one at a time, so rows leave in id order. */
const RELAY_LOCK_KEY = 'tradeflow_outbox_relay';

/**
 * Publishes outbox rows to Kafka in id order with the idempotent producer, then marks them
 * published. Ids are taken at insert, not at commit, so a slow transaction's row can become visible
 * after rows with higher ids went out; every read starts again from the oldest unpublished row, so
 * such a row goes out next instead of being skipped past. That keeps per-key order: an event that
 * follows another on the same key comes from a transaction that saw the first one committed, so the
 * first has the lower id and is visible whenever the second is. Woken by NOTIFY, with polling as
 * the fallback. A crash after send and before the mark republishes those rows once more; consumers'
 * inboxes absorb the duplicates. While the broker or the database is down, rows wait in the outbox
 * and every poll tries again, from the oldest row, so they leave in order once both are back;
 * backlog() says how many wait and for how long.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: QueryRunner;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private leader = false;
  private stopped = false;
  private readonly failures = new FailureLog(this.logger);

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly codec: EventCodec,
    private readonly topicNames: TopicNames,
    private readonly options: OutboxRelayOptions,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
    await this.listener?.release();
    this.listener = undefined;
    this.leader = false;
  }

  /** Resolves once everything committed so far has been published (used by tests and shutdown). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    this.wake();
    while (this.draining) await this.draining;
  }

  /** Rows not yet on Kafka and the age of the oldest, for health and metrics. */
  async backlog(): Promise<OutboxBacklog> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count,
              coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
         FROM outbox WHERE published_at IS NULL`,
    );
    return { count: row.count, oldestAgeSeconds: row.age };
  }

  /** The backlog, and since when publishing has been failing (null while it works): for status and metrics. */
  async status(): Promise<OutboxStatus> {
    const backlog = await this.backlog();
    return { ...backlog, failingSince: this.failures.since?.toISOString() ?? null };
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .then(() => this.failures.succeeded())
      .catch((error: Error) => this.failures.failed(error))
      .finally(() => {
        this.draining = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /**
   * The listening connection also holds the relay lock. When Postgres drops it (a restart), TypeORM
   * releases it: the lock is gone with it, so leadership is given up and taken again on a new one.
   */
  private async listen(): Promise<void> {
    const listener = this.dataSource.createQueryRunner();
    try {
      const client = (await listener.connect()) as PoolClient;
      client.on('notification', () => this.wake());
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = listener;
    } catch (error) {
      await listener.release().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Sends go one batch at a time, in id order; around each send the next batch is read and the one
   * before is marked published, so the database round trips overlap the broker's.
   */
  private async drain(): Promise<void> {
    if (!(await this.holdLeadership())) return;
    let next = this.readBatch([]);
    let marking: Promise<void> = Promise.resolve();
    let previous: OutboxRow[] = [];
    try {
      for (;;) {
        const rows = await next;
        if (rows.length === 0 || this.stopped) return;
        // A short batch was all there was to read: a row committed since brings its own NOTIFY, which
        // wakes the relay again once this drain ends, so reading ahead would only find nothing.
        next = rows.length < this.options.batchSize ? Promise.resolve([]) : this.readBatch([...previous, ...rows]);
        await this.send(rows);
        await marking;
        marking = this.markPublished(rows);
        previous = rows;
      }
    } finally {
      // A read ahead that is no longer wanted (stopping, or a failed send) settles before the pool may close.
      await next.catch(() => undefined);
      await marking;
    }
  }

  /**
   * The oldest unpublished rows besides those sent or being sent and not yet marked (the batch read
   * ahead of is still on its way, the one before may still be being marked). Not `id > last sent`:
   * that would skip a row whose transaction committed after the last read.
   */
  private readBatch(inFlight: readonly OutboxRow[]): Promise<OutboxRow[]> {
    return this.dataSource.query(
      `SELECT id, topic, message_key, event, headers FROM outbox
        WHERE published_at IS NULL AND id <> ALL($2::bigint[]) ORDER BY id LIMIT $1`,
      [this.options.batchSize, inFlight.map((row) => row.id)],
    );
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const spans: Span[] = [];
    try {
      for (const topicMessages of await this.toRequests(rows, spans)) await this.producer.sendBatch({ topicMessages });
    } catch (error) {
      endSpans(spans, error);
      throw error;
    }
    endSpans(spans);
    for (const row of rows) messagingMetrics.produced(row.event.eventType);
  }

  private async markPublished(rows: OutboxRow[]): Promise<void> {
    await this.dataSource.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [
      rows.map((row) => row.id),
    ]);
  }

  private async holdLeadership(): Promise<boolean> {
    if (this.listener?.isReleased) {
      this.listener = undefined;
      this.leader = false;
    }
    if (!this.listener) await this.listen();
    if (this.leader || !this.listener) return this.leader;
    const [row] = await this.listener.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS acquired`, [
      RELAY_LOCK_KEY,
    ]);
    this.leader = row.acquired === true;
    return this.leader;
  }

  /**
   * Encodes the rows into produce requests of at most maxRequestBytes, sent one after the other; in
   * each, records are grouped by topic keeping row order, which keeps per-key (per-partition) order.
   * Each record gets a producer span continuing the trace stored with its row, and carries that span's context.
   */
  private async toRequests(rows: OutboxRow[], spans: Span[]): Promise<TopicMessages[][]> {
    const requests: Map<string, Message[]>[] = [];
    let request = new Map<string, Message[]>();
    let requestBytes = 0;
    for (const row of rows) {
      const topic = this.topicNames.forTopic(row.topic);
      const value = await this.codec.encode(row.event, topic);
      const { span, headers } = startPublishSpan(row.event, topic, row.headers);
      spans.push(span);
      const message = { key: row.message_key, value, headers: { ...headers, ...eventHeaders(row.event) } };
      const bytes = recordBytes(message, value);
      if (requestBytes > 0 && requestBytes + bytes > this.options.maxRequestBytes) {
        requests.push(request);
        request = new Map();
        requestBytes = 0;
      }
      const messages = request.get(topic) ?? [];
      messages.push(message);
      request.set(topic, messages);
      requestBytes += bytes;
    }
    if (requestBytes > 0) requests.push(request);
    return requests.map((byTopic) => [...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
}

function recordBytes(message: { key: string; headers: Record<string, string> }, value: Buffer): number {
  const headerBytes = Object.entries(message.headers).reduce((sum, [name, text]) => sum + name.length + Buffer.byteLength(text), 0);
  return RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key) + value.length + headerBytes;
}

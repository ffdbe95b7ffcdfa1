import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface RetentionOptions {
  inboxRetentionDays: number;
  outboxRetentionDays: number;
  intervalMs: number;
  /** Rows one statement deletes: each batch is a short transaction of its own. */
  batchSize: number;
}

/** What one sweep removed, by table; `inboxKept` says why the inbox was left alone. */
export interface SweepResult {
  outbox: number;
  inbox: number;
  traces: number;
  inboxKept?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps the inbox, the outbox and the remembered traces from growing for ever, so a service is as
 * fast after a year as on its first day. Old rows go in bounded batches, each its own short
 * statement, rather than by partitioning the tables by time: the inbox's primary key (event id,
 * consumer) is what catches a redelivery, and a partitioned table can only keep keys unique
 * within a partition — a redelivered event landing in a newer partition than its first delivery
 * would be applied twice.
 *
 * Only published outbox rows go. Inbox rows must outlive every record that could still be
 * delivered again: while the topics this service reads keep records longer than
 * INBOX_RETENTION_DAYS, the inbox is left alone and each sweep says so.
 */
export class RetentionSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RetentionOptions,
    /** The longest retention.ms of the topics the service reads; undefined when the broker cannot say. */
    private readonly topicRetentionMs: () => Promise<number | undefined>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    const outboxBefore = new Date(now.getTime() - this.options.outboxRetentionDays * DAY_MS);
    const outbox = await this.deleteInBatches(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < $1 ORDER BY id LIMIT $2)`,
      outboxBefore,
    );
    const traces = await this.deleteInBatches(
      `DELETE FROM correlation_traces WHERE correlation_id IN
         (SELECT correlation_id FROM correlation_traces WHERE created_at < $1 ORDER BY created_at LIMIT $2)`,
      outboxBefore,
    );
    const inboxKept = await this.reasonToKeepInbox();
    const inbox = inboxKept
      ? 0
      : await this.deleteInBatches(
          `DELETE FROM inbox WHERE (event_id, consumer) IN
             (SELECT event_id, consumer FROM inbox WHERE processed_at < $1 ORDER BY processed_at LIMIT $2)`,
          new Date(now.getTime() - this.options.inboxRetentionDays * DAY_MS),
        );
    return { outbox, inbox, traces, ...(inboxKept ? { inboxKept } : {}) };
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep()
        .then((result) => this.report(result))
        .catch((error: Error) => this.logger.warn({ msg: 'retention sweep failed; trying again at the next one', error: error.message }))
        .finally(() => {
          this.sweeping = undefined;
          if (this.timer) this.schedule();
        });
    }, this.options.intervalMs);
    // Not a reason to keep the process alive.
    this.timer.unref();
  }

  private report({ inboxKept, ...deleted }: SweepResult): void {
    if (inboxKept) this.logger.error({ msg: 'inbox retention refused: INBOX_RETENTION_DAYS is too short', reason: inboxKept, deleted });
    else if (deleted.outbox + deleted.inbox + deleted.traces > 0) this.logger.log({ msg: 'retention sweep removed old rows', deleted });
  }

  private async reasonToKeepInbox(): Promise<string | undefined> {
    const topicMs = await this.topicRetentionMs().catch(() => undefined);
    if (topicMs === undefined) return 'the broker did not say how long its topics keep records';
    const inboxMs = this.options.inboxRetentionDays * DAY_MS;
    // retention.ms = -1: the topics keep records for ever, so a redelivery can come at any time.
    if (topicMs < 0 || topicMs >= inboxMs) {
      return `topics keep records for ${topicMs < 0 ? 'ever' : `${(topicMs / DAY_MS).toFixed(1)} days`}, the inbox ${this.options.inboxRetentionDays}`;
    }
    return undefined;
  }

  private async deleteInBatches(statement: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(statement, [before, this.options.batchSize])) as [unknown, number];
      total += deleted;
      if (deleted < this.options.batchSize) return total;
    }
  }
}

import { createDatabase, requiredEnv } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { messagingMigrations } from '../migrations';
import { RetentionSweeper } from './retention-sweeper';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-07T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe('RetentionSweeper (real Postgres)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `retention_${randomUUID().slice(0, 8)}`);
    dataSource = await new DataSource({ type: 'postgres', url, migrations: messagingMigrations }).initialize();
    await dataSource.runMigrations();
  });

  beforeEach(() => dataSource.query(`TRUNCATE outbox, inbox, correlation_traces`));

  afterAll(() => dataSource.destroy());

  /** Outbox rows published (or not, `null`) the given days ago, created a day before that. */
  async function outboxRows(publishedDaysAgo: (number | null)[]): Promise<void> {
    for (const published of publishedDaysAgo) {
      await dataSource.query(
        `INSERT INTO outbox (event_id, topic, message_key, event_type, event, created_at, published_at) VALUES ($1, 't', 'k', 'OrderPlaced', '{}', $2, $3)`,
        [randomUUID(), daysAgo((published ?? 40) + 1), published === null ? null : daysAgo(published)],
      );
    }
  }

  async function inboxRows(processedDaysAgo: number[]): Promise<void> {
    for (const [offset, days] of processedDaysAgo.entries()) {
      await dataSource.query(
        `INSERT INTO inbox (event_id, consumer, event_type, topic, partition, "offset", processed_at) VALUES ($1, 'svc', 'OrderPlaced', 't', 0, $2, $3)`,
        [randomUUID(), offset, daysAgo(days)],
      );
    }
  }

  async function traceRows(createdDaysAgo: number[]): Promise<void> {
    for (const days of createdDaysAgo) {
      await dataSource.query(`INSERT INTO correlation_traces (correlation_id, headers, created_at) VALUES ($1, '{}', $2)`, [randomUUID(), daysAgo(days)]);
    }
  }

  const remaining = async (table: string): Promise<number> => (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  function sweeper(topicRetentionMs: number | undefined, batchSize = 2): RetentionSweeper {
    return new RetentionSweeper(dataSource, { inboxRetentionDays: 35, outboxRetentionDays: 30, intervalMs: 60_000, batchSize }, async () => topicRetentionMs);
  }

  it('removes published outbox rows, inbox rows and traces past their retention, in batches, and keeps the rest', async () => {
    await outboxRows([31, 45, 60, 90, 90, 29, 1, null]);
    await inboxRows([36, 50, 100, 34, 2]);
    await traceRows([31, 400, 5]);

    const result = await sweeper(7 * DAY_MS).sweep(NOW);

    expect(result).toEqual({ outbox: 5, inbox: 3, traces: 2 });
    // Left: the two published within 30 days and the one never published, however old.
    expect(await remaining('outbox')).toBe(3);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toEqual([{ n: 1 }]);
    expect(await remaining('inbox')).toBe(2);
    expect(await remaining('correlation_traces')).toBe(1);
  });

  it('leaves the inbox alone while the topics keep records longer than the inbox would, or the broker cannot say', async () => {
    await inboxRows([36, 50]);
    await outboxRows([45]);

    expect(await sweeper(40 * DAY_MS).sweep(NOW)).toEqual({ outbox: 1, inbox: 0, traces: 0, inboxKept: 'topics keep records for 40.0 days, the inbox 35' });
    expect(await sweeper(-1).sweep(NOW)).toMatchObject({ inbox: 0, inboxKept: 'topics keep records for ever, the inbox 35' });
    expect(await sweeper(undefined).sweep(NOW)).toMatchObject({ inbox: 0, inboxKept: 'the broker did not say how long its topics keep records' });
    expect(await remaining('inbox')).toBe(2);
  });
});

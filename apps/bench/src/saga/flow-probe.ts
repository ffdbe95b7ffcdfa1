import type { Admin, Kafka } from 'kafkajs';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SagaProcess } from './saga-stack';

/** What one service did so far: events it produced (outbox rows), applied (inbox rows), database work. */
export interface ServiceCounters {
  produced: number;
  applied: number;
  transactions: number;
  /** Statements its sessions ran (pg_stat_statements, BEGIN and COMMIT included); NaN without the extension. */
  statements: number;
  rowsWritten: number;
}

/** One of the statements that took the most time in a service's database. */
export interface CostlyStatement {
  service: string;
  calls: number;
  totalMs: number;
  query: string;
}

/**
 * Looks at the saga's services from outside: whether the flow is at rest (every outbox published,
 * every consumer group caught up) and what each service has done so far, for the cost per order.
 */
export class FlowProbe {
  private readonly admin: Admin;
  private readonly databases = new Map<string, Client>();
  private readonly adminDatabase: Client;
  private statementsTracked = false;

  constructor(
    kafka: Kafka,
    adminDatabaseUrl: string,
    private readonly processes: SagaProcess[],
  ) {
    this.admin = kafka.admin();
    this.adminDatabase = new Client({ connectionString: adminDatabaseUrl });
    for (const service of processes) this.databases.set(service.name, new Client({ connectionString: service.databaseUrl }));
  }

  async connect(): Promise<void> {
    await Promise.all([this.admin.connect(), this.adminDatabase.connect(), ...[...this.databases.values()].map((client) => client.connect())]);
    // Loaded by the bench's own Postgres (libs/testing); a Postgres given by DATABASE_ADMIN_URL may lack
    // it, and then the view exists once the extension is created but refuses to be read.
    this.statementsTracked = await this.adminDatabase
      .query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
      .then(() => this.adminDatabase.query('SELECT 1 FROM pg_stat_statements LIMIT 1'))
      .then(
        () => true,
        () => false,
      );
  }

  /** The `top` statements by total execution time over the services' databases, since the stack started. */
  async costliestStatements(top: number): Promise<CostlyStatement[]> {
    if (!this.statementsTracked) return [];
    const names = this.serviceOfDatabase();
    const { rows } = await this.adminDatabase.query<{ datname: string; calls: string; total: number; query: string }>(
      `SELECT d.datname, s.calls, s.total_exec_time AS total, s.query
         FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = ANY($1::text[]) ORDER BY s.total_exec_time DESC LIMIT $2`,
      [[...names.keys()], top],
    );
    return rows.map((row) => ({ service: names.get(row.datname) ?? row.datname, calls: Number(row.calls), totalMs: row.total, query: row.query }));
  }

  async close(): Promise<void> {
    await Promise.all([this.admin.disconnect(), this.adminDatabase.end(), ...[...this.databases.values()].map((client) => client.end())]);
  }

  /** Waits until two looks in a row find nothing unpublished and no lag; false when `timeoutMs` passes first. */
  async waitForRest(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quietLooks = 0;
    while (Date.now() < deadline) {
      quietLooks = (await this.atRest()) ? quietLooks + 1 : 0;
      if (quietLooks >= 2) return true;
      await sleep(500);
    }
    return false;
  }

  async counters(): Promise<Map<string, ServiceCounters>> {
    const { rows } = await this.adminDatabase.query<{ datname: string; transactions: string; written: string }>(
      `SELECT datname, xact_commit + xact_rollback AS transactions, tup_inserted + tup_updated + tup_deleted AS written FROM pg_stat_database`,
    );
    const statistics = new Map(rows.map((row) => [row.datname, row]));
    const statements = await this.statementCounts();
    const result = new Map<string, ServiceCounters>();
    for (const service of this.processes) {
      const client = this.databases.get(service.name);
      if (!client) continue;
      const { rows: counts } = await client.query<{ produced: number; applied: number }>(
        `SELECT (SELECT count(*) FROM outbox)::int AS produced, (SELECT count(*) FROM inbox)::int AS applied`,
      );
      const database = statistics.get(new URL(service.databaseUrl).pathname.slice(1));
      result.set(service.name, {
        ...counts[0],
        transactions: Number(database?.transactions ?? Number.NaN),
        statements: statements.get(service.name) ?? Number.NaN,
        rowsWritten: Number(database?.written ?? Number.NaN),
      });
    }
    return result;
  }

  /**
   * Samples, every `intervalMs` until `stop` resolves, how many of each service's database sessions
   * wait for a lock (row locks, advisory locks): the mean per service, the lock convoy made visible.
   */
  async meanLockWaits(stop: Promise<unknown>, intervalMs = 200): Promise<Map<string, number>> {
    const names = this.serviceOfDatabase();
    const totals = new Map<string, number>(this.processes.map((service) => [service.name, 0]));
    let samples = 0;
    let stopped = false;
    const done = () => (stopped = true);
    void stop.then(done, done);
    while (!stopped) {
      const { rows } = await this.adminDatabase.query<{ datname: string; waiting: number }>(
        `SELECT datname, count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' GROUP BY datname`,
      );
      for (const row of rows) {
        const service = names.get(row.datname);
        if (service) totals.set(service, (totals.get(service) ?? 0) + row.waiting);
      }
      samples++;
      await sleep(intervalMs);
    }
    return new Map([...totals].map(([service, waiting]) => [service, samples === 0 ? Number.NaN : waiting / samples]));
  }

  /** Statements run so far, by service; empty without pg_stat_statements. */
  private async statementCounts(): Promise<Map<string, number>> {
    if (!this.statementsTracked) return new Map();
    const names = this.serviceOfDatabase();
    const { rows } = await this.adminDatabase.query<{ datname: string; calls: string }>(
      `SELECT d.datname, sum(s.calls) AS calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = ANY($1::text[]) GROUP BY d.datname`,
      [[...names.keys()]],
    );
    return new Map(rows.map((row) => [names.get(row.datname) ?? row.datname, Number(row.calls)]));
  }

  private serviceOfDatabase(): Map<string, string> {
    return new Map(this.processes.map((service) => [new URL(service.databaseUrl).pathname.slice(1), service.name]));
  }

  private async atRest(): Promise<boolean> {
    for (const client of this.databases.values()) {
      const { rows } = await client.query<{ backlog: number }>(`SELECT count(*)::int AS backlog FROM outbox WHERE published_at IS NULL`);
      if (rows[0].backlog > 0) return false;
    }
    return (await this.consumerLag()) === 0;
  }

  /** Records not yet consumed, over every partition each service's group has committed on. */
  private async consumerLag(): Promise<number> {
    const ends = new Map<string, Map<number, number>>();
    const endOf = async (topic: string, partition: number) => {
      let topicEnds = ends.get(topic);
      if (!topicEnds) {
        topicEnds = new Map((await this.admin.fetchTopicOffsets(topic)).map(({ partition: at, high }) => [at, Number(high)]));
        ends.set(topic, topicEnds);
      }
      return topicEnds.get(partition) ?? 0;
    };
    let lag = 0;
    for (const service of this.processes) {
      for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId: service.consumerGroupId })) {
        for (const { partition, offset } of partitions) lag += (await endOf(topic, partition)) - Math.max(Number(offset), 0);
      }
    }
    return lag;
  }
}

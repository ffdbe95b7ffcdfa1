import { Logger } from '@nestjs/common';
import {
  CreateIdempotencyKeys1763855900000,
  CreateWebhookSignatures1796500000000,
  databaseOptions,
  IdempotencyRecord,
  runMigrationsLocked,
} from '@tradeflow/platform';
import { AuditRecord, databaseTarget, messagingMigrations, untilReachable } from '@tradeflow/messaging';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** A service's tables: its own entities and migrations, and the shared ones (outbox, inbox, idempotency keys, audit trail, webhook signatures). */
export interface ServiceTables {
  entities: Function[];
  migrations: Function[];
}

/** Every migration of a service's database, the shared tables' first, in the order they run. */
export function serviceMigrations(own: Function[]): Function[] {
  return [CreateIdempotencyKeys1763855900000, CreateWebhookSignatures1796500000000, ...messagingMigrations, ...own];
}

/** How long one try to reach Postgres may take: a host that drops packets is named within 2 s. */
const CONNECT_TIMEOUT_MS = 1500;

/**
 * Connects a service's database. TypeORM alone retries a refused connection silently, and waits
 * on an unreachable host without end; so a plain connection tries first, with a timeout, logging
 * each failure. Once the database answers, the pool connects and, with `runMigrations`, the
 * pending migrations run under the migrations lock.
 */
export async function connectDatabase(url: string, tables: ServiceTables, runMigrations: boolean): Promise<DataSource> {
  const logger = new Logger('Database');
  await untilReachable({ name: 'postgres', target: databaseTarget(url) }, () => probe(url), logger);
  const dataSource = await new DataSource(
    databaseOptions({ url, entities: [...tables.entities, IdempotencyRecord, AuditRecord], migrations: serviceMigrations(tables.migrations) }),
  ).initialize();
  if (runMigrations) {
    const applied = await runMigrationsLocked(dataSource);
    if (applied.length > 0) logger.log({ msg: 'migrations applied', migrations: applied });
  }
  return dataSource;
}

async function probe(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

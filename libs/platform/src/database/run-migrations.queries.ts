import type { DataSource } from 'typeorm';

/** One lock per database, whoever runs its migrations (a replica at start, the migration init container, `npm run migrate`). */
const MIGRATIONS_LOCK = 'tradeflow_migrations';

/**
 * Runs the pending migrations while holding a session advisory lock: a second runner waits for the
 * first, then finds nothing left to do, so replicas starting together never race on a migration.
 * Each migration commits on its own (`migrationsTransactionMode: 'each'`). Returns the names applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query(`SELECT pg_advisory_lock(hashtext($1))`, [MIGRATIONS_LOCK]);
    try {
      return (await dataSource.runMigrations()).map((migration) => migration.name);
    } finally {
      await session.query(`SELECT pg_advisory_unlock(hashtext($1))`, [MIGRATIONS_LOCK]);
    }
  } finally {
    await session.release();
  }
}

/**
 * What the service's own role may do, given by the role that owns the schema after migrating: read
 * and write rows, use sequences — no CREATE, ALTER or DROP. Repeated after each migration run, so
 * tables added since are covered.
 */
export async function grantDataAccess(dataSource: DataSource, role: string): Promise<void> {
  const grantee = `"${role.replace(/"/g, '""')}"`;
  await dataSource.query(`GRANT USAGE ON SCHEMA public TO ${grantee}`);
  await dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`);
  await dataSource.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`);
}

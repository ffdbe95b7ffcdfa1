import type { DataSourceOptions, MixedList } from 'typeorm';

export interface DatabaseOptionsInput {
  url: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}

/**
 * One place decides how services talk to Postgres: schema by migrations only, never synchronize.
 * Migrations are run by runMigrationsLocked (at start when RUN_MIGRATIONS, or by the migration
 * command), never by TypeORM's own `migrationsRun`, which takes no lock.
 */
export function databaseOptions(input: DatabaseOptionsInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Not even CREATE EXTENSION at connect: the service's role may not, and the migrations need none (gen_random_uuid is built in).
    installExtensions: false,
    extra: { max: 10 },
  };
}

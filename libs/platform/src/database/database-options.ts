import type { DataSourceOptions, MixedList } from 'typeorm';

export interface DatabaseOptionsInput {
  url: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  runMigrations: boolean;
}

/** One place decides how services talk to Postgres: schema by migrations only, never synchronize. */
export function databaseOptions(input: DatabaseOptionsInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations,
    migrationsRun: input.runMigrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 10 },
  };
}

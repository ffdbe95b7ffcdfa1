import { Logger } from '@nestjs/common';
import type { ServiceName } from '@tradeflow/events';
import { ConfigError, grantDataAccess, loadConfig, startupLogger } from '@tradeflow/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { connectDatabase } from './service-database';

/** The migration run's settings besides the database URL, whose variable depends on the service. */
class MigrationSettings {
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The role the service runs as (Kubernetes: `<service>_app`), given row access after migrating; unset: nothing granted. */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a Postgres role name (lower case, digits, _)' })
  DATABASE_APP_ROLE?: string;
}

/** `DATABASE_URL_CRM_SYNC` for crm-sync: the variable every service's settings class declares. */
export function databaseUrlVariable(service: ServiceName): string {
  return `DATABASE_URL_${service.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The body of every `apps/<service>/src/migrate.ts` (`npm run migrate -- <service>`, the Kubernetes
 * init container): applies the service's pending migrations under the migrations lock, as the
 * role of the URL (one allowed DDL), then grants DATABASE_APP_ROLE row access. Exit code 0 when done.
 */
export function runMigrateCommand(service: ServiceName, migrations: Function[], env: NodeJS.ProcessEnv = process.env): void {
  let settings: MigrationSettings;
  const variable = databaseUrlVariable(service);
  const url = env[variable];
  try {
    settings = loadConfig(MigrationSettings, env);
    if (!url || !/^postgres(ql)?:\/\/.+/.test(url)) throw new ConfigError([`${variable} ${url ? 'has value [redacted]' : 'is not set'}: must be a postgres:// connection URL`]);
  } catch (error) {
    startupLogger(service, 'info').error({ msg: (error as Error).message });
    process.exit(1);
  }
  const logger = startupLogger(service, settings.LOG_LEVEL);
  // No Nest app here: the library's own log lines (database retries) go to this logger too.
  Logger.overrideLogger(logger);
  const migrate = async () => {
    const dataSource = await connectDatabase(url, { entities: [], migrations }, true);
    try {
      if (settings.DATABASE_APP_ROLE) await grantDataAccess(dataSource, settings.DATABASE_APP_ROLE);
    } finally {
      await dataSource.destroy();
    }
    logger.log({ msg: 'migrations done', grantedTo: settings.DATABASE_APP_ROLE ?? null });
  };
  migrate().then(
    () => process.exit(0),
    (error: Error) => {
      logger.error({ msg: 'migrations failed', err: error });
      process.exit(1);
    },
  );
}

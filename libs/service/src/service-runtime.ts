import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceName } from '@tradeflow/events';
import { AccessModule, HealthModule, loggingModule } from '@tradeflow/platform';
import { AuditModule, MessagingModule, MessagingOperationsModule } from '@tradeflow/messaging';
import type { ServiceTables } from './service-database';
import { connectDatabase } from './service-database';
import type { ServiceSettings } from './service-settings';

export interface ServiceRuntimeOptions extends ServiceTables {
  serviceName: ServiceName;
  settings: ServiceSettings;
  databaseUrl: string;
}

/**
 * What every service's AppModule imports before its features: logs, who may call what (AccessModule),
 * its database, messaging, the audit trail, the operations endpoints (`/v1/dead-letters`,
 * `/v1/messaging/status`, `/v1/audit`), health.
 */
export function serviceRuntimeModules(options: ServiceRuntimeOptions): (DynamicModule | Type)[] {
  const { serviceName, settings } = options;
  return [
    loggingModule(serviceName, settings.LOG_LEVEL),
    AccessModule.forRoot(settings),
    TypeOrmModule.forRootAsync({
      // connectDatabase waits for the database itself; a failure after that (a migration) is not retried.
      useFactory: () => ({ toRetry: () => false }),
      dataSourceFactory: () => connectDatabase(options.databaseUrl, options, settings.RUN_MIGRATIONS),
    }),
    MessagingModule.forRoot({ serviceName, settings }),
    MessagingOperationsModule,
    AuditModule.forRoot(serviceName),
    HealthModule,
  ];
}

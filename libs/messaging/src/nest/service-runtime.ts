import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceName } from '@tradeflow/events';
import {
  CreateIdempotencyKeys1763855900000,
  databaseOptions,
  HealthModule,
  IdempotencyRecord,
  loggingModule,
  MetricsModule,
} from '@tradeflow/platform';
import type { MessagingSettings } from '../config/messaging-settings';
import { messagingMigrations } from '../migrations';
import { MessagingModule } from './messaging.module';
import { MessagingOperationsModule } from './messaging-operations.module';

export interface ServiceRuntimeOptions {
  serviceName: ServiceName;
  settings: MessagingSettings;
  databaseUrl: string;
  /** The service's own entities and migrations; the shared tables (outbox, inbox, idempotency keys) are added here. */
  entities: Function[];
  migrations: Function[];
}

/**
 * What every service's AppModule imports before its features: logs, its database, messaging, the
 * operations endpoints (`/v1/dead-letters`, `/v1/messaging/status`), health.
 */
export function serviceRuntimeModules(options: ServiceRuntimeOptions): (DynamicModule | Type)[] {
  const { serviceName, settings } = options;
  return [
    loggingModule(serviceName, settings.LOG_LEVEL),
    TypeOrmModule.forRoot(
      databaseOptions({
        url: options.databaseUrl,
        entities: [...options.entities, IdempotencyRecord],
        migrations: [CreateIdempotencyKeys1763855900000, ...messagingMigrations, ...options.migrations],
        runMigrations: settings.RUN_MIGRATIONS,
      }),
    ),
    MessagingModule.forRoot({ serviceName, settings }),
    MessagingOperationsModule,
    HealthModule,
    MetricsModule,
  ];
}

import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceName } from '@tradeflow/events';
import {
  AccessModule,
  CreateIdempotencyKeys1763855900000,
  CreateWebhookSignatures1796500000000,
  databaseOptions,
  HealthModule,
  IdempotencyRecord,
  loggingModule,
} from '@tradeflow/platform';
import { AuditRecord } from '../audit/audit-record.entity';
import { AuditModule } from '../audit/audit.module';
import type { MessagingSettings } from '../config/messaging-settings';
import { messagingMigrations } from '../migrations';
import { MessagingModule } from './messaging.module';
import { MessagingOperationsModule } from './messaging-operations.module';

export interface ServiceRuntimeOptions {
  serviceName: ServiceName;
  settings: MessagingSettings;
  databaseUrl: string;
  /** The service's own entities and migrations; the shared tables (outbox, inbox, idempotency keys, audit trail, webhook signatures) are added here. */
  entities: Function[];
  migrations: Function[];
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
    TypeOrmModule.forRoot(
      databaseOptions({
        url: options.databaseUrl,
        entities: [...options.entities, IdempotencyRecord, AuditRecord],
        migrations: [CreateIdempotencyKeys1763855900000, CreateWebhookSignatures1796500000000, ...messagingMigrations, ...options.migrations],
        runMigrations: settings.RUN_MIGRATIONS,
      }),
    ),
    MessagingModule.forRoot({ serviceName, settings }),
    MessagingOperationsModule,
    AuditModule.forRoot(serviceName),
    HealthModule,
  ];
}

import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { ServiceName } from '@tradeflow/events';
import { AuditController } from './audit.controller';
import { AUDITING_SERVICE, AuditInterceptor } from './audit.interceptor';

/** The audit trail of a service: recorded by AuditInterceptor with each audited action, read at `/v1/audit`. */
@Module({})
export class AuditModule {
  static forRoot(serviceName: ServiceName): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [{ provide: AUDITING_SERVICE, useValue: serviceName }, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
    };
  }
}

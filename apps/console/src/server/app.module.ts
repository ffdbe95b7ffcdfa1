import type { DynamicModule } from '@nestjs/common';
import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { loggingModule, Open } from '@tradeflow/platform';
import { AuthController } from './auth/auth.controller';
import { OidcLogin } from './auth/oidc-login';
import type { ConsoleSettings } from './console-settings';
import { CONSOLE_SETTINGS } from './console-settings.provider';
import { CustomersController } from './customers/customers.controller';
import { AuditController } from './operations/audit.controller';
import { DeadLettersController } from './operations/dead-letters.controller';
import { FlowHealthController } from './operations/flow-health.controller';
import { ShipmentsController } from './operations/shipments.controller';
import { OrderDetails } from './orders/order-details';
import { OrdersController } from './orders/orders.controller';
import { StuckOrderFix } from './orders/stuck-order-fix';
import { ReconcileController } from './reconcile/reconcile.controller';
import { ReportsController } from './reports/reports.controller';
import { ServiceClient } from './services/service-client';
import { SessionStore } from './session/session-store';
import { SessionGuard } from './session/session.guard';
import { TracesController } from './traces/traces.controller';

@Controller('health')
class HealthController {
  @Get()
  @Open('liveness and readiness probes')
  health() {
    return { status: 'ok' };
  }
}

@Module({})
export class AppModule {
  static register(settings: ConsoleSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [loggingModule('console', settings.LOG_LEVEL)],
      controllers: [
        HealthController,
        AuthController,
        OrdersController,
        ShipmentsController,
        DeadLettersController,
        FlowHealthController,
        AuditController,
        TracesController,
        CustomersController,
        ReconcileController,
        ReportsController,
      ],
      providers: [
        { provide: CONSOLE_SETTINGS, useValue: settings },
        { provide: APP_GUARD, useClass: SessionGuard },
        SessionStore,
        OidcLogin,
        ServiceClient,
        OrderDetails,
        StuckOrderFix,
      ],
    };
  }
}

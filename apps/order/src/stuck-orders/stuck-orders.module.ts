import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { StuckLimits } from './stuck-order-rule';
import { StuckOrdersController } from './stuck-orders.controller';
import { STUCK_COUNT_INTERVAL_MS, StuckOrdersMetric } from './stuck-orders.metric';
import { STUCK_LIMITS, StuckOrdersService } from './stuck-orders.service';

/** Orders that stopped moving (GET /v1/orders/stuck, metric tradeflow_orders_stuck), per-status limits from the settings. */
@Module({})
export class StuckOrdersModule {
  static register(limits: StuckLimits, countIntervalSeconds: number): DynamicModule {
    return {
      module: StuckOrdersModule,
      controllers: [StuckOrdersController],
      providers: [
        { provide: STUCK_LIMITS, useValue: limits },
        { provide: STUCK_COUNT_INTERVAL_MS, useValue: countIntervalSeconds * 1000 },
        StuckOrdersService,
        StuckOrdersMetric,
      ],
    };
  }
}

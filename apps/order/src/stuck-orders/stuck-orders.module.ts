import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { OrderSettings } from '../order-settings';
import type { StuckLimits } from './stuck-order-rule';
import { StuckOrdersController } from './stuck-orders.controller';
import { STUCK_COUNT_INTERVAL_MS, StuckOrdersMetric } from './stuck-orders.metric';
import { STUCK_LIMITS, StuckOrdersService } from './stuck-orders.service';

/** Orders that stopped moving (GET /v1/orders/stuck, metric tradeflow_orders_stuck), per-status limits from the settings. */
@Module({})
export class StuckOrdersModule {
  static register(settings: OrderSettings): DynamicModule {
    const limits: StuckLimits = {
      HELD: settings.ORDER_STUCK_LIMIT_HELD_SECONDS,
      APPROVED: settings.ORDER_STUCK_LIMIT_APPROVED_SECONDS,
      BACKORDERED: settings.ORDER_STUCK_LIMIT_BACKORDERED_SECONDS,
      RESERVED: settings.ORDER_STUCK_LIMIT_RESERVED_SECONDS,
      PARTIALLY_SHIPPED: settings.ORDER_STUCK_LIMIT_PARTIALLY_SHIPPED_SECONDS,
      SHIPPED: settings.ORDER_STUCK_LIMIT_SHIPPED_SECONDS,
    };
    return {
      module: StuckOrdersModule,
      controllers: [StuckOrdersController],
      providers: [
        { provide: STUCK_LIMITS, useValue: limits },
        { provide: STUCK_COUNT_INTERVAL_MS, useValue: settings.ORDER_STUCK_COUNT_INTERVAL_SECONDS * 1000 },
        StuckOrdersService,
        StuckOrdersMetric,
      ],
    };
  }
}

import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/messaging';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { CreateOrders1763856100000 } from './migrations/1763856100000-create-orders';
import type { OrderSettings } from './order-settings';
import { OrderLine } from './orders/order-line.entity';
import { Order } from './orders/order.entity';
import { OrderTimelineEntry } from './orders/order-timeline-entry.entity';
import { OrdersModule } from './orders/orders.module';
import { SERVICE_NAME } from './service-name';

@Module({})
export class AppModule {
  static register(settings: OrderSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceRuntimeModules({
          serviceName: SERVICE_NAME,
          settings,
          databaseUrl: settings.DATABASE_URL_ORDER,
          entities: [Order, OrderLine, OrderTimelineEntry, ApiKey],
          migrations: [CreateOrders1763856100000],
        }),
        ApiKeysModule,
        OrdersModule,
      ],
    };
  }
}

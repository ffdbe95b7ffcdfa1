import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/service';
import { Availability, SafetyStock } from './availability/availability.entity';
import { AvailabilityModule } from './availability/availability.module';
import { ChannelWebhooksModule } from './channel-webhooks/channel-webhooks.module';
import { WebhookDelivery } from './channel-webhooks/webhook-delivery.entity';
import { WebhookSubscription } from './channel-webhooks/webhook-subscription.entity';
import type { InventorySettings } from './inventory-settings';
import { MovementsModule } from './movements/movements.module';
import { StockMovement } from './movements/stock-movement.entity';
import { Product } from './products/product.entity';
import { ProductsModule } from './products/products.module';
import { ReceiptsModule } from './receipts/receipts.module';
import { Backorder } from './reservations/backorder.entity';
import { OrderReservation } from './reservations/order-reservation.entity';
import { Reservation } from './reservations/reservation.entity';
import { ReservationsModule } from './reservations/reservations.module';
import { SERVICE_NAME } from './service-name';
import { StockLevel } from './stock/stock-level.entity';
import { StockModule } from './stock/stock.module';
import { inventoryMigrations } from './migrations';

@Module({})
export class AppModule {
  static register(settings: InventorySettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceRuntimeModules({
          serviceName: SERVICE_NAME,
          settings,
          databaseUrl: settings.DATABASE_URL_INVENTORY,
          entities: [StockLevel, Reservation, Backorder, OrderReservation, StockMovement, Product, WebhookSubscription, WebhookDelivery, Availability, SafetyStock],
          migrations: inventoryMigrations,
        }),
        StockModule,
        ReservationsModule,
        ReceiptsModule,
        MovementsModule,
        ProductsModule.register(settings),
        ChannelWebhooksModule.register(settings),
        AvailabilityModule,
      ],
    };
  }
}

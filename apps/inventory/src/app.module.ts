import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { messagingMigrations, MessagingModule } from '@tradeflow/messaging';
import { CreateIdempotencyKeys1763855900000, databaseOptions, HealthModule, IdempotencyRecord, loggingModule } from '@tradeflow/platform';
import type { InventorySettings } from './inventory-settings';
import { CreateStock1763856200000 } from './migrations/1763856200000-create-stock';
import { ReceiptsModule } from './receipts/receipts.module';
import { Backorder } from './reservations/backorder.entity';
import { OrderReservation } from './reservations/order-reservation.entity';
import { Reservation } from './reservations/reservation.entity';
import { ReservationsModule } from './reservations/reservations.module';
import { SERVICE_NAME } from './service-name';
import { StockLevel } from './stock/stock-level.entity';
import { StockModule } from './stock/stock.module';

@Module({})
export class AppModule {
  static register(settings: InventorySettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(SERVICE_NAME, settings.LOG_LEVEL),
        TypeOrmModule.forRoot(
          databaseOptions({
            url: settings.DATABASE_URL_INVENTORY,
            entities: [StockLevel, Reservation, Backorder, OrderReservation, IdempotencyRecord],
            migrations: [CreateIdempotencyKeys1763855900000, ...messagingMigrations, CreateStock1763856200000],
            runMigrations: settings.RUN_MIGRATIONS,
          }),
        ),
        MessagingModule.forRoot({ serviceName: SERVICE_NAME, settings }),
        HealthModule,
        StockModule,
        ReservationsModule,
        ReceiptsModule,
      ],
    };
  }
}

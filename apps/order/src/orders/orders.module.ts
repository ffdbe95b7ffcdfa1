import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { IdempotencyService } from '@tradeflow/platform';
import { Order } from './order.entity';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { ReservationEventsHandler } from './reservation-events.handler';

@Module({
  imports: [TypeOrmModule.forFeature([Order]), ApiKeysModule],
  controllers: [OrdersController, ReservationEventsHandler],
  providers: [OrdersService, IdempotencyService],
})
export class OrdersModule {}

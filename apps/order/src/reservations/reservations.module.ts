import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { ReservationEventsHandler } from './reservation-events.handler';
import { ReservationEventsService } from './reservation-events.service';

@Module({
  imports: [OrdersModule],
  controllers: [ReservationEventsHandler],
  providers: [ReservationEventsService],
})
export class ReservationsModule {}

import { Module } from '@nestjs/common';
import { OrderEventsHandler } from './order-events.handler';
import { ReservationsService } from './reservations.service';

@Module({
  controllers: [OrderEventsHandler],
  providers: [ReservationsService],
  exports: [ReservationsService],
})
export class ReservationsModule {}

import { Module } from '@nestjs/common';
import { ShipmentsModule } from '../shipments/shipments.module';
import { OrderEventsHandler } from './order-events.handler';
import { OrderFactsService } from './order-facts.service';
import { ReservationEventsHandler } from './reservation-events.handler';

@Module({
  imports: [ShipmentsModule],
  controllers: [OrderEventsHandler, ReservationEventsHandler],
  providers: [OrderFactsService],
})
export class OrdersModule {}

import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { ShipmentEventsHandler } from './shipment-events.handler';
import { ShipmentEventsService } from './shipment-events.service';

@Module({
  imports: [OrdersModule],
  controllers: [ShipmentEventsHandler],
  providers: [ShipmentEventsService],
})
export class ShipmentsModule {}

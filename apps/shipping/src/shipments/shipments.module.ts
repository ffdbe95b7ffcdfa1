import { Module } from '@nestjs/common';
import { CarrierEventsController } from './carrier-events.controller';
import { ShipmentPlanner } from './shipment-planner.service';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsService } from './shipments.service';

@Module({
  controllers: [ShipmentsController, CarrierEventsController],
  providers: [ShipmentsService, ShipmentPlanner],
  exports: [ShipmentPlanner],
})
export class ShipmentsModule {}

import { Module } from '@nestjs/common';
import { ReservationsModule } from '../reservations/reservations.module';
import { GoodsIssueService } from './goods-issue.service';
import { ReturnsService } from './returns.service';
import { ShipmentEventsHandler } from './shipment-events.handler';

@Module({
  imports: [ReservationsModule],
  controllers: [ShipmentEventsHandler],
  providers: [GoodsIssueService, ReturnsService],
})
export class MovementsModule {}

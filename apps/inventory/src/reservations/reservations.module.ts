import { Module } from '@nestjs/common';
import { BackordersService } from './backorders.service';
import { OperatorReleaseService } from './operator-release.service';
import { OrderChangesService } from './order-changes.service';
import { OrderEventsHandler } from './order-events.handler';
import { ReleasesService } from './releases.service';
import { ReservationViewService } from './reservation-view.service';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';

@Module({
  controllers: [OrderEventsHandler, ReservationsController],
  providers: [ReservationsService, BackordersService, ReleasesService, OrderChangesService, ReservationViewService, OperatorReleaseService],
  exports: [ReservationsService, BackordersService, ReleasesService],
})
export class ReservationsModule {}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { StockBackordered, StockReleased, StockReserved } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ReservationEventsService } from './reservation-events.service';

/** Inventory's reservation events move the order through the reservation states. */
@Controller()
export class ReservationEventsHandler {
  constructor(private readonly reservations: ReservationEventsService) {}

  @EventPattern('StockReserved')
  stockReserved(@Payload() event: StockReserved, @Ctx() context: EventContext): Promise<void> {
    return this.reservations.recordReservation(event, context.unitOfWork);
  }

  @EventPattern('StockBackordered')
  stockBackordered(@Payload() event: StockBackordered, @Ctx() context: EventContext): Promise<void> {
    return this.reservations.recordBackorder(event, context.unitOfWork);
  }

  @EventPattern('StockReleased')
  stockReleased(@Payload() event: StockReleased, @Ctx() context: EventContext): Promise<void> {
    return this.reservations.recordRelease(event, context.unitOfWork);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderApproved } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ReservationsService } from './reservations.service';

@Controller()
export class OrderEventsHandler {
  constructor(private readonly reservations: ReservationsService) {}

  @EventPattern('OrderApproved')
  orderApproved(@Payload() event: OrderApproved, @Ctx() context: EventContext): Promise<void> {
    return this.reservations.reserveForOrder(event, context.unitOfWork);
  }
}

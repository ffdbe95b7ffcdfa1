import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderAmended, OrderApproved, OrderCancelled } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { OrderChangesService } from './order-changes.service';
import { ReservationsService } from './reservations.service';

/** Events in from tradeflow.orders.v1: reservations follow the order. */
@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly changes: OrderChangesService,
  ) {}

  @EventPattern('OrderApproved')
  orderApproved(@Payload() event: OrderApproved, @Ctx() context: EventContext): Promise<void> {
    return this.reservations.reserveForOrder(event, context.unitOfWork);
  }

  @EventPattern('OrderAmended')
  orderAmended(@Payload() event: OrderAmended, @Ctx() context: EventContext): Promise<void> {
    return this.changes.amend(event, context.unitOfWork);
  }

  @EventPattern('OrderCancelled')
  orderCancelled(@Payload() event: OrderCancelled, @Ctx() context: EventContext): Promise<void> {
    return this.changes.cancel(event, context.unitOfWork);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderAmended, OrderPlaced } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { OrderEventsService } from './order-events.service';

/** The order service tells invoicing who pays and at which prices. */
@Controller()
export class OrderEventsHandler {
  constructor(private readonly orderEvents: OrderEventsService) {}

  @EventPattern('OrderPlaced')
  orderPlaced(@Payload() event: OrderPlaced, @Ctx() context: EventContext): Promise<void> {
    return this.orderEvents.orderPlaced(event, context.unitOfWork);
  }

  @EventPattern('OrderAmended')
  orderAmended(@Payload() event: OrderAmended, @Ctx() context: EventContext): Promise<void> {
    return this.orderEvents.orderAmended(event, context.unitOfWork);
  }
}

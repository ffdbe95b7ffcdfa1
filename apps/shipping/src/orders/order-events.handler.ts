import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderAmended, OrderCancelled, OrderPlaced } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { OrderFactsService } from './order-facts.service';

/** The orders topic: what was ordered, where to, and whether the order still stands. */
@Controller()
export class OrderEventsHandler {
  constructor(private readonly facts: OrderFactsService) {}

  @EventPattern('OrderPlaced')
  orderPlaced(@Payload() event: OrderPlaced, @Ctx() context: EventContext): Promise<void> {
    return this.facts.orderPlaced(event, context.unitOfWork);
  }

  @EventPattern('OrderAmended')
  orderAmended(@Payload() event: OrderAmended, @Ctx() context: EventContext): Promise<void> {
    return this.facts.orderAmended(event, context.unitOfWork);
  }

  @EventPattern('OrderCancelled')
  orderCancelled(@Payload() event: OrderCancelled, @Ctx() context: EventContext): Promise<void> {
    return this.facts.orderCancelled(event, context.unitOfWork);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { StockReleased, StockReserved } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { OrderFactsService } from './order-facts.service';

/** The reservations topic: how much of each line inventory holds in which warehouse. */
@Controller()
export class ReservationEventsHandler {
  constructor(private readonly facts: OrderFactsService) {}

  @EventPattern('StockReserved')
  stockReserved(@Payload() event: StockReserved, @Ctx() context: EventContext): Promise<void> {
    return this.facts.stockReserved(event, context.unitOfWork);
  }

  @EventPattern('StockReleased')
  stockReleased(@Payload() event: StockReleased, @Ctx() context: EventContext): Promise<void> {
    return this.facts.stockReleased(event, context.unitOfWork);
  }
}

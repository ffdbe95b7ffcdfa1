import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { StockBackordered, StockReserved } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { OrdersService } from './orders.service';

/** Inventory's answers to OrderApproved move the order through the reservation states. */
@Controller()
export class ReservationEventsHandler {
  constructor(private readonly orders: OrdersService) {}

  @EventPattern('StockReserved')
  stockReserved(@Payload() event: StockReserved, @Ctx() context: EventContext): Promise<void> {
    return this.orders.recordReservation(event, context.unitOfWork);
  }

  @EventPattern('StockBackordered')
  stockBackordered(@Payload() event: StockBackordered, @Ctx() context: EventContext): Promise<void> {
    return this.orders.recordBackorder(event, context.unitOfWork);
  }
}

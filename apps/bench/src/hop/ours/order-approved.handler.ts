import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderApproved } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { INSERT_EFFECT } from '../effects';
import { allocationsFor, quantityOf } from '../hop-events';

/** The same work as the other contenders, written as a Tradeflow service writes a handler. */
@Controller()
export class OrderApprovedHandler {
  @EventPattern('OrderApproved')
  async orderApproved(@Payload() event: OrderApproved, @Ctx() context: EventContext): Promise<void> {
    const { manager } = context.unitOfWork;
    await manager.query(INSERT_EFFECT, [event.eventId, event.orderId, quantityOf(event)]);
    context.unitOfWork.publish('StockReserved', { orderId: event.orderId, allocations: allocationsFor(event) }, { id: event.orderId, version: 1 });
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderApproved } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { allocationsFor, quantityOf } from '../hop-events';
import { BenchEffect } from './bench-effect.entity';

/**
 * The same work as the other contenders, written as a Tradeflow service writes a handler. The row
 * is an effect nothing reads back, so it goes in with the batch's other rows (insertLater).
 */
@Controller()
export class OrderApprovedHandler {
  @EventPattern('OrderApproved')
  orderApproved(@Payload() event: OrderApproved, @Ctx() context: EventContext): void {
    context.unitOfWork.insertLater(BenchEffect, { eventId: event.eventId, orderId: event.orderId, quantity: quantityOf(event) });
    context.unitOfWork.publish('StockReserved', { orderId: event.orderId, allocations: allocationsFor(event) }, { id: event.orderId, version: 1 });
  }
}

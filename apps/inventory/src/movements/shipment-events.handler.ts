import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ReturnReceived, ShipmentDispatched } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { GoodsIssueService } from './goods-issue.service';
import { ReturnsService } from './returns.service';

/** Events in from tradeflow.shipments.v1: goods leaving and coming back. */
@Controller()
export class ShipmentEventsHandler {
  constructor(
    private readonly goodsIssue: GoodsIssueService,
    private readonly returns: ReturnsService,
  ) {}

  @EventPattern('ShipmentDispatched')
  shipmentDispatched(@Payload() event: ShipmentDispatched, @Ctx() context: EventContext): Promise<void> {
    return this.goodsIssue.issue(event, context.unitOfWork);
  }

  @EventPattern('ReturnReceived')
  returnReceived(@Payload() event: ReturnReceived, @Ctx() context: EventContext): Promise<void> {
    return this.returns.restock(event, context.unitOfWork);
  }
}

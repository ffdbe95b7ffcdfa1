import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ReturnRequested } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ReturnsService } from './returns.service';

@Controller()
export class ReturnEventsHandler {
  constructor(private readonly returns: ReturnsService) {}

  @EventPattern('ReturnRequested')
  returnRequested(@Payload() event: ReturnRequested, @Ctx() context: EventContext): Promise<void> {
    return this.returns.returnRequested(event, context.unitOfWork);
  }
}

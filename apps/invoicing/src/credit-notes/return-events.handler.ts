import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ReturnReceived } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { CreditNotesService } from './credit-notes.service';

/** Goods shipping received back are what invoicing credits. */
@Controller()
export class ReturnEventsHandler {
  constructor(private readonly creditNotes: CreditNotesService) {}

  @EventPattern('ReturnReceived')
  returnReceived(@Payload() event: ReturnReceived, @Ctx() context: EventContext): Promise<void> {
    return this.creditNotes.creditReturn(event, context.unitOfWork);
  }
}

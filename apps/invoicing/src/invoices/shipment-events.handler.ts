import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ShipmentDispatched } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { InvoicesService } from './invoices.service';

/** Shipping's dispatches are what invoicing bills. */
@Controller()
export class ShipmentEventsHandler {
  constructor(private readonly invoices: InvoicesService) {}

  @EventPattern('ShipmentDispatched')
  shipmentDispatched(@Payload() event: ShipmentDispatched, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.invoiceDispatch(event, context.unitOfWork);
  }
}

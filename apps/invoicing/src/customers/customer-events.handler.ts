import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CustomerMerged, CustomerUpserted } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { CustomerTermsService } from './customer-terms.service';

/** Events in from tradeflow.customers.v1 (crm-sync): the customers' payment terms decide due dates. Holds and duplicates are not invoicing's business. */
@Controller()
export class CustomerEventsHandler {
  constructor(private readonly terms: CustomerTermsService) {}

  @EventPattern('CustomerUpserted')
  customerUpserted(@Payload() event: CustomerUpserted, @Ctx() context: EventContext): Promise<void> {
    return this.terms.customerUpserted(event, context.unitOfWork);
  }

  @EventPattern('CustomerMerged')
  customerMerged(@Payload() event: CustomerMerged, @Ctx() context: EventContext): Promise<void> {
    return this.terms.customerMerged(event, context.unitOfWork);
  }
}

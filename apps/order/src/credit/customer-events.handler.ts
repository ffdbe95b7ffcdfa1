import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AccountHoldPlaced, AccountHoldReleased, CustomerMerged, CustomerUpserted } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { CustomerProjectionService } from './customer-projection.service';

/** Events in from tradeflow.customers.v1 (crm-sync). CustomerDuplicateDetected is not the order's business. */
@Controller()
export class CustomerEventsHandler {
  constructor(private readonly customers: CustomerProjectionService) {}

  @EventPattern('CustomerUpserted')
  customerUpserted(@Payload() event: CustomerUpserted, @Ctx() context: EventContext): Promise<void> {
    return this.customers.customerUpserted(event, context.unitOfWork);
  }

  @EventPattern('AccountHoldPlaced')
  holdPlaced(@Payload() event: AccountHoldPlaced, @Ctx() context: EventContext): Promise<void> {
    return this.customers.holdPlaced(event, context.unitOfWork);
  }

  @EventPattern('AccountHoldReleased')
  holdReleased(@Payload() event: AccountHoldReleased, @Ctx() context: EventContext): Promise<void> {
    return this.customers.holdReleased(event, context.unitOfWork);
  }

  @EventPattern('CustomerMerged')
  customerMerged(@Payload() event: CustomerMerged, @Ctx() context: EventContext): Promise<void> {
    return this.customers.customerMerged(event, context.unitOfWork);
  }
}

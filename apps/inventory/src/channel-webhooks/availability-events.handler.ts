import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AvailabilityChanged } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { availabilityFeedItem } from './availability-feed';
import { WebhookFeedsService } from './webhook-feeds.service';

/** Events in from tradeflow.availability.v1 (inventory's own): every new figure feeds the availability webhooks. */
@Controller()
export class AvailabilityEventsHandler {
  constructor(private readonly feeds: WebhookFeedsService) {}

  @EventPattern('AvailabilityChanged')
  availabilityChanged(@Payload() event: AvailabilityChanged, @Ctx() context: EventContext): Promise<void> {
    return this.feeds.record(context.unitOfWork, availabilityFeedItem(event));
  }
}

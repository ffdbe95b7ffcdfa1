import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { productFeedItem } from './product-feed';
import { WebhookFeedsService } from './webhook-feeds.service';

/** Events in from tradeflow.products.v1 (inventory's own): every product change feeds the products webhooks. */
@Controller()
export class ProductEventsHandler {
  constructor(private readonly feeds: WebhookFeedsService) {}

  @EventPattern('ProductUpserted')
  productUpserted(@Payload() event: ProductUpserted, @Ctx() context: EventContext): Promise<void> {
    return this.feeds.record(context.unitOfWork, productFeedItem(event));
  }

  @EventPattern('ProductDiscontinued')
  productDiscontinued(@Payload() event: ProductDiscontinued, @Ctx() context: EventContext): Promise<void> {
    return this.feeds.record(context.unitOfWork, productFeedItem(event));
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ProductProjectionService } from './product-projection.service';

/** Events in from tradeflow.products.v1 (inventory): the products order lines may name. */
@Controller()
export class ProductEventsHandler {
  constructor(private readonly products: ProductProjectionService) {}

  @EventPattern('ProductUpserted')
  productUpserted(@Payload() event: ProductUpserted, @Ctx() context: EventContext): Promise<void> {
    return this.products.apply(event, context.unitOfWork);
  }

  @EventPattern('ProductDiscontinued')
  productDiscontinued(@Payload() event: ProductDiscontinued, @Ctx() context: EventContext): Promise<void> {
    return this.products.apply(event, context.unitOfWork);
  }
}

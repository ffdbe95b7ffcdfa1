import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ProductsService } from './products.service';

/** Events in from tradeflow.products.v1 (inventory's product master). */
@Controller()
export class ProductEventsHandler {
  constructor(private readonly products: ProductsService) {}

  @EventPattern('ProductUpserted')
  productUpserted(@Payload() event: ProductUpserted, @Ctx() context: EventContext): Promise<void> {
    return this.products.productChanged(event, context.unitOfWork);
  }

  @EventPattern('ProductDiscontinued')
  productDiscontinued(@Payload() event: ProductDiscontinued, @Ctx() context: EventContext): Promise<void> {
    return this.products.productChanged(event, context.unitOfWork);
  }
}

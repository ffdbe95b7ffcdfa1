import { Module } from '@nestjs/common';
import { OrderChangesService } from './order-changes.service';

/** The one way every use case changes an order; its own module so the customer checks can use it too. */
@Module({
  providers: [OrderChangesService],
  exports: [OrderChangesService],
})
export class OrderChangesModule {}

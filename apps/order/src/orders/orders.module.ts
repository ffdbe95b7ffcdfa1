import { Module } from '@nestjs/common';
import { OrderChangesService } from './order-changes.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** The order aggregate: reading an order, and the one way every use case changes one. */
@Module({
  controllers: [OrdersController],
  providers: [OrdersService, OrderChangesService],
  exports: [OrdersService, OrderChangesService],
})
export class OrdersModule {}

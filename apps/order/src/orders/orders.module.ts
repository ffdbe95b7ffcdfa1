import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { CustomerChecksModule } from '../credit/customer-checks.module';
import { OrderChangesModule } from './order-changes.module';
import { OrdersController } from '../place-order/place-order.controller';
import { OrdersService } from '../place-order/place-order.service';

/** The order aggregate: placing and reading orders, and the one way every use case changes one. */
@Module({
  imports: [OrderChangesModule, CustomerChecksModule],
  controllers: [OrdersController],
  providers: [OrdersService, IdempotencyService],
  exports: [OrdersService, OrderChangesModule],
})
export class OrdersModule {}

import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { OrderChangesService } from './order-changes.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** The order aggregate: placing and reading orders, and the one way every use case changes one. */
@Module({
  imports: [ApiKeysModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderChangesService, IdempotencyService],
  exports: [OrdersService, OrderChangesService],
})
export class OrdersModule {}

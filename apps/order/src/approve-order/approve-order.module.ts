import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { OrdersModule } from '../orders/orders.module';
import { ApproveOrderController } from './approve-order.controller';
import { ApproveOrderService } from './approve-order.service';

/** Manual approval of a held order by a key with scope orders:approve. */
@Module({
  imports: [OrdersModule, ApiKeysModule],
  controllers: [ApproveOrderController],
  providers: [ApproveOrderService, IdempotencyService],
})
export class ApproveOrderModule {}

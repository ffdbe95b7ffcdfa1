import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { OrdersModule } from '../orders/orders.module';
import { ApproveOrderController } from './approve-order.controller';
import { ApproveOrderService } from './approve-order.service';

/** Manual approval of a held order by credit control, or by a channel's key with scope orders:approve. */
@Module({
  imports: [OrdersModule],
  controllers: [ApproveOrderController],
  providers: [ApproveOrderService, IdempotencyService],
})
export class ApproveOrderModule {}

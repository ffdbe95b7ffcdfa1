import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { OrdersModule } from '../orders/orders.module';
import { CancelOrderController } from './cancel-order.controller';
import { CancelOrderService } from './cancel-order.service';

@Module({
  imports: [OrdersModule],
  controllers: [CancelOrderController],
  providers: [CancelOrderService, IdempotencyService],
})
export class CancelOrderModule {}

import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { OrdersModule } from '../orders/orders.module';
import { AmendOrderController } from './amend-order.controller';
import { AmendOrderService } from './amend-order.service';

@Module({
  imports: [OrdersModule],
  controllers: [AmendOrderController],
  providers: [AmendOrderService, IdempotencyService],
})
export class AmendOrderModule {}

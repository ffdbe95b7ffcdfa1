import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { OrdersModule } from '../orders/orders.module';
import { PlaceOrderController } from './place-order.controller';
import { PlaceOrderService } from './place-order.service';

/** A sales channel places an order; the customer checks approve or hold it in the same transaction. */
@Module({
  imports: [OrdersModule],
  controllers: [PlaceOrderController],
  providers: [PlaceOrderService, IdempotencyService],
})
export class PlaceOrderModule {}

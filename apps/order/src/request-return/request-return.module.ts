import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { OrdersModule } from '../orders/orders.module';
import { RequestReturnController } from './request-return.controller';
import { RequestReturnService } from './request-return.service';

@Module({
  imports: [OrdersModule],
  controllers: [RequestReturnController],
  providers: [RequestReturnService, IdempotencyService],
})
export class RequestReturnModule {}

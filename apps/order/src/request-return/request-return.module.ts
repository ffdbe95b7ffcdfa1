import { Module } from '@nestjs/common';
import { IdempotencyService } from '@tradeflow/platform';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { OrdersModule } from '../orders/orders.module';
import { RequestReturnController } from './request-return.controller';
import { RequestReturnService } from './request-return.service';

@Module({
  imports: [OrdersModule, ApiKeysModule],
  controllers: [RequestReturnController],
  providers: [RequestReturnService, IdempotencyService],
})
export class RequestReturnModule {}

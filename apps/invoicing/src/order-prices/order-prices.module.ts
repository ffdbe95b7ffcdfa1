import { Module } from '@nestjs/common';
import { OrderPricesService } from './order-prices.service';

@Module({
  providers: [OrderPricesService],
  exports: [OrderPricesService],
})
export class OrderPricesModule {}

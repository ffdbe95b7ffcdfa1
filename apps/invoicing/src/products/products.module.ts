import { Module } from '@nestjs/common';
import { ProductEventsHandler } from './product-events.handler';
import { ProductsService } from './products.service';

@Module({
  controllers: [ProductEventsHandler],
  providers: [ProductsService],
})
export class ProductsModule {}

import { Module } from '@nestjs/common';
import { ListOrdersController } from './list-orders.controller';
import { ListOrdersService } from './list-orders.service';

/** Every order (a channel: its own), page by page (the reconcile command reads them so), optionally of one customer. */
@Module({
  controllers: [ListOrdersController],
  providers: [ListOrdersService],
})
export class ListOrdersModule {}

import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ListOrdersController } from './list-orders.controller';
import { ListOrdersService } from './list-orders.service';

/** Every order, page by page (the reconcile command reads them so), optionally of one customer. */
@Module({
  imports: [ApiKeysModule],
  controllers: [ListOrdersController],
  providers: [ListOrdersService],
})
export class ListOrdersModule {}

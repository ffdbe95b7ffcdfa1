import { Module } from '@nestjs/common';
import { CreditNotesModule } from '../credit-notes/credit-notes.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { OrderPricesModule } from '../order-prices/order-prices.module';
import { OrderEventsHandler } from './order-events.handler';
import { OrderEventsService } from './order-events.service';

@Module({
  imports: [OrderPricesModule, InvoicesModule, CreditNotesModule],
  controllers: [OrderEventsHandler],
  providers: [OrderEventsService],
})
export class OrderEventsModule {}

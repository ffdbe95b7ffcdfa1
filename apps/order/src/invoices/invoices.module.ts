import { Module } from '@nestjs/common';
import { CustomerAccountsModule } from '../credit/credit.module';
import { OrdersModule } from '../orders/orders.module';
import { InvoiceEventsHandler } from './invoice-events.handler';
import { InvoiceEventsService } from './invoice-events.service';

@Module({
  imports: [OrdersModule, CustomerAccountsModule],
  controllers: [InvoiceEventsHandler],
  providers: [InvoiceEventsService],
})
export class InvoicesModule {}

import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { InvoiceEventsHandler } from './invoice-events.handler';
import { InvoiceEventsService } from './invoice-events.service';

@Module({
  imports: [OrdersModule],
  controllers: [InvoiceEventsHandler],
  providers: [InvoiceEventsService],
})
export class InvoicesModule {}

import { Module } from '@nestjs/common';
import { DocumentNumbersModule } from '../document-numbers/document-numbers.module';
import { OrderPricesModule } from '../order-prices/order-prices.module';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { ShipmentEventsHandler } from './shipment-events.handler';

@Module({
  imports: [OrderPricesModule, DocumentNumbersModule],
  controllers: [InvoicesController, ShipmentEventsHandler],
  providers: [InvoicesService],
  exports: [InvoicesService],
})
export class InvoicesModule {}

import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { DocumentNumbersModule } from '../document-numbers/document-numbers.module';
import { OrderPricesModule } from '../order-prices/order-prices.module';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { ShipmentEventsHandler } from './shipment-events.handler';

@Module({
  imports: [OrderPricesModule, DocumentNumbersModule, CustomersModule],
  controllers: [InvoicesController, ShipmentEventsHandler],
  providers: [InvoicesService],
  exports: [InvoicesService],
})
export class InvoicesModule {}

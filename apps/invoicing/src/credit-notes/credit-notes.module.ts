import { Module } from '@nestjs/common';
import { DocumentNumbersModule } from '../document-numbers/document-numbers.module';
import { OrderPricesModule } from '../order-prices/order-prices.module';
import { CreditNotesController } from './credit-notes.controller';
import { CreditNotesService } from './credit-notes.service';
import { ReturnEventsHandler } from './return-events.handler';

@Module({
  imports: [OrderPricesModule, DocumentNumbersModule],
  controllers: [CreditNotesController, ReturnEventsHandler],
  providers: [CreditNotesService],
  exports: [CreditNotesService],
})
export class CreditNotesModule {}

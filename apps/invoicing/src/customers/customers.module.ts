import { Module } from '@nestjs/common';
import { CustomerEventsHandler } from './customer-events.handler';
import { CustomerTermsService } from './customer-terms.service';

@Module({
  controllers: [CustomerEventsHandler],
  providers: [CustomerTermsService],
  exports: [CustomerTermsService],
})
export class CustomersModule {}

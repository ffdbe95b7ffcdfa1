import { Module } from '@nestjs/common';
import { CustomerChecksModule } from './customer-checks.module';
import { CustomerAccountsController } from './customer-accounts.controller';
import { CustomerAccountsService } from './customer-accounts.service';
import { CustomerEventsHandler } from './customer-events.handler';
import { CustomerLedgerService } from './customer-ledger.service';
import { CustomerProjectionService } from './customer-projection.service';

/** The order's projection of customers (customers.v1) and of what they owe (invoices.v1). */
@Module({
  imports: [CustomerChecksModule],
  controllers: [CustomerEventsHandler, CustomerAccountsController],
  providers: [CustomerProjectionService, CustomerLedgerService, CustomerAccountsService],
  exports: [CustomerLedgerService],
})
export class CustomerAccountsModule {}

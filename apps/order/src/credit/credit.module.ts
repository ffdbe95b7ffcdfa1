import { Global, Module } from '@nestjs/common';
import { CreditControl } from '../orders/credit-control';
import { OrdersModule } from '../orders/orders.module';
import { CreditControlService } from './credit-control.service';
import { CustomerAccountsController } from './customer-accounts.controller';
import { CustomerAccountsService } from './customer-accounts.service';
import { CustomerChecksService } from './customer-checks.service';
import { CustomerEventsHandler } from './customer-events.handler';
import { CustomerLedgerService } from './customer-ledger.service';
import { CustomerProjectionService } from './customer-projection.service';

/**
 * Credit control: the order's projection of customers (customers.v1) and of what they owe
 * (invoices.v1), and the checks (unknown customer, account hold, credit limit) that approve or
 * hold an order. Global, so the use cases get the kernel's CreditControl without importing this
 * folder (see credit-control.ts).
 */
@Global()
@Module({
  imports: [OrdersModule],
  controllers: [CustomerEventsHandler, CustomerAccountsController],
  providers: [
    CustomerProjectionService,
    CustomerLedgerService,
    CustomerAccountsService,
    CustomerChecksService,
    { provide: CreditControl, useClass: CreditControlService },
  ],
  exports: [CreditControl],
})
export class CreditModule {}

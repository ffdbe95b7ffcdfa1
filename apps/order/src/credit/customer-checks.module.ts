import { Module } from '@nestjs/common';
import { OrderChangesModule } from '../orders/order-changes.module';
import { CustomerChecksService } from './customer-checks.service';

/** Unknown customer, account hold, credit limit: decides whether an order is approved or held. */
@Module({
  imports: [OrderChangesModule],
  providers: [CustomerChecksService],
  exports: [CustomerChecksService],
})
export class CustomerChecksModule {}

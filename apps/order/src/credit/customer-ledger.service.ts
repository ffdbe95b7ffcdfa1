import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { LedgerDocument } from '../orders/credit-control';
import { CustomerChecksService } from './customer-checks.service';
import { CustomerLedgerEntry } from './customer-ledger-entry.entity';

/**
 * What each customer owes, from invoicing's documents. A payment or credit note frees credit
 * room, so the customer's held orders are checked again in the same transaction. Callers take
 * the customer's lock (lockCustomerGroup) before they lock the order, as the checks do.
 */
@Injectable()
export class CustomerLedgerService {
  constructor(private readonly checks: CustomerChecksService) {}

  async book(unit: UnitOfWork, document: LedgerDocument, cause: string): Promise<void> {
    await unit.manager.createQueryBuilder().insert().into(CustomerLedgerEntry).values(document).orIgnore().execute();
    if (document.kind !== 'INVOICE') await this.checks.recheckHeldOrders(unit, document.customerId, cause);
  }
}

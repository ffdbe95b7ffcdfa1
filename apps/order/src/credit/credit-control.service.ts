import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import type { CreditControl, LedgerDocument } from '../orders/credit-control';
import type { Order } from '../orders/order.entity';
import { CustomerChecksService } from './customer-checks.service';
import { customerGroup, lockCustomerGroup, resolveCustomer } from './customer-groups.queries';
import { CustomerLedgerService } from './customer-ledger.service';

/** The kernel's CreditControl, answered by this folder's customer groups, checks and ledger. */
@Injectable()
export class CreditControlService implements CreditControl {
  constructor(
    private readonly checks: CustomerChecksService,
    private readonly ledger: CustomerLedgerService,
  ) {}

  lockCustomer(manager: EntityManager, customerId: string): Promise<string> {
    return lockCustomerGroup(manager, customerId);
  }

  async customerGroup(manager: EntityManager, customerId: string): Promise<string[]> {
    return customerGroup(manager, await resolveCustomer(manager, customerId));
  }

  checkPlacedOrder(unit: UnitOfWork, orderId: string, customerId: string): Promise<void> {
    return this.checks.checkPlacedOrder(unit, orderId, customerId);
  }

  checkRaisedOrder(manager: EntityManager, order: Order, previousValueMinor: bigint): Promise<void> {
    return this.checks.checkRaisedOrder(manager, order, previousValueMinor);
  }

  recheckHeldOrders(unit: UnitOfWork, customerId: string, cause: string): Promise<void> {
    return this.checks.recheckHeldOrders(unit, customerId, cause);
  }

  book(unit: UnitOfWork, document: LedgerDocument, cause: string): Promise<void> {
    return this.ledger.book(unit, document, cause);
  }
}

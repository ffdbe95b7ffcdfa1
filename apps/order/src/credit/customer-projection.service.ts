import { Injectable } from '@nestjs/common';
import type { AccountHoldPlaced, AccountHoldReleased, CustomerMerged, CustomerUpserted } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { CustomerAccount } from './customer-account.entity';
import { CustomerChecksService } from './customer-checks.service';
import { lockCustomerGroup } from './customer-groups.queries';

const CRM_STATUS_HOLD = 'the CRM status is ON_HOLD';

/**
 * Keeps the customer accounts from crm-sync's events and, in the same transaction, re-checks the
 * held orders of the customer each event is about: a customer arriving or a hold released lets
 * them go on by themselves.
 */
@Injectable()
export class CustomerProjectionService {
  constructor(private readonly checks: CustomerChecksService) {}

  /** The whole record; status is the effective one (ON_HOLD while any hold is in place). Older records change nothing. */
  async customerUpserted(event: CustomerUpserted, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await lockCustomerGroup(manager, event.customerId);
    const account = await accountOf(manager, event.customerId);
    const updatedAt = new Date(event.updatedAt);
    if (account.crmUpdatedAt && account.crmUpdatedAt > updatedAt) return;
    const onHold = event.status === 'ON_HOLD';
    Object.assign(account, {
      known: true,
      name: event.name,
      creditLimitMinor: event.creditLimitMinor,
      currency: event.currency,
      crmUpdatedAt: updatedAt,
      onHold,
      holdReason: onHold ? (account.holdReason ?? CRM_STATUS_HOLD) : null,
    });
    await manager.save(account);
    await this.checks.recheckHeldOrders(unit, event.customerId, `CustomerUpserted of ${event.customerId}`);
  }

  async holdPlaced(event: AccountHoldPlaced, unit: UnitOfWork): Promise<void> {
    await this.changeHold(unit, event.customerId, event.reason, `AccountHoldPlaced on ${event.customerId}`);
  }

  async holdReleased(event: AccountHoldReleased, unit: UnitOfWork): Promise<void> {
    await this.changeHold(unit, event.customerId, null, `AccountHoldReleased on ${event.customerId} (${event.reason})`);
  }

  /**
   * `mergedCustomerId` now resolves to the survivor, and so does every id merged into it before:
   * pointers always name the final survivor. Their held orders are checked with the survivor's
   * standing, their invoices and orders count towards its credit limit.
   */
  async customerMerged(event: CustomerMerged, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const { mergedCustomerId: mergedId } = event;
    await lockCustomerGroup(manager, mergedId);
    const survivorId = await lockCustomerGroup(manager, event.customerId);
    if (survivorId === mergedId) throw new Error(`merging ${mergedId} into ${event.customerId} would make a cycle`);
    const merged = await accountOf(manager, mergedId);
    merged.mergedInto = survivorId;
    await manager.save([merged, await accountOf(manager, survivorId)]);
    await manager.update(CustomerAccount, { mergedInto: mergedId }, { mergedInto: survivorId });
    await this.checks.recheckHeldOrders(unit, survivorId, `CustomerMerged of ${mergedId} into ${event.customerId}`);
  }

  private async changeHold(unit: UnitOfWork, customerId: string, reason: string | null, cause: string): Promise<void> {
    const { manager } = unit;
    await lockCustomerGroup(manager, customerId);
    const account = await accountOf(manager, customerId);
    Object.assign(account, { onHold: reason !== null, holdReason: reason });
    await manager.save(account);
    await this.checks.recheckHeldOrders(unit, customerId, cause);
  }
}

/** The stored account, or a new one not yet known (a hold or merge may name a customer before its record). */
async function accountOf(manager: EntityManager, customerId: string): Promise<CustomerAccount> {
  return (
    (await manager.findOneBy(CustomerAccount, { customerId })) ??
    manager.create(CustomerAccount, { customerId, known: false, onHold: false, holdReason: null, mergedInto: null })
  );
}

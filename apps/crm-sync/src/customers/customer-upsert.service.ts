import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import { IsNull } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import { changeHold, publishCustomerEvent, publishHoldChange, publishUpserted } from './customer-events';
import { Customer } from './customer.entity';
import type { CrmStatus } from './customer-rules';
import { crmHoldChange, decideUpdate, findDuplicates, normaliseEmail, normaliseTaxId } from './customer-rules';

/** The customer master record as the CRM sends it. */
export interface CustomerInput {
  customerId: string;
  name: string;
  email?: string | null;
  taxId?: string | null;
  status: CrmStatus;
  creditLimitMinor?: number | null;
  currency: string;
  paymentTermsDays: number;
  updatedAt: string;
}

export interface UpsertOutcome {
  customerId: string;
  status: 'applied' | 'ignored';
  reason: 'stale' | 'repeat' | null;
  events: string[];
  mergedInto: string | null;
}

const CRM_HOLD_REASON = 'The CRM put the account on hold';
const CRM_RELEASE_REASON = 'The CRM made the account active again';

@Injectable()
export class CustomerUpsertService {
  /**
   * Stores a newer customer record from the CRM → CustomerUpserted, a hold placed or released by a
   * CRM status change, and CustomerDuplicateDetected once per newly matching pair. Older records
   * change nothing. A merged customer's record is kept as history, without events.
   */
  async upsert(unit: UnitOfWork, input: CustomerInput): Promise<UpsertOutcome> {
    const { manager } = unit;
    const existing = await manager.findOne(Customer, {
      where: { customerId: input.customerId },
      lock: { mode: 'pessimistic_write' },
    });
    const updatedAt = new Date(input.updatedAt);
    const decision = decideUpdate(existing ? existing.crmUpdatedAt.getTime() : null, updatedAt.getTime());
    const outcome: UpsertOutcome = { customerId: input.customerId, status: 'applied', reason: null, events: [], mergedInto: null };
    if (decision !== 'apply') return { ...outcome, status: 'ignored', reason: decision };

    const previousCrmStatus = existing?.crmStatus ?? null;
    const customer = existing ?? manager.create(Customer, { customerId: input.customerId, onHold: false, version: 0 });
    Object.assign(customer, {
      name: input.name,
      email: input.email ?? null,
      emailNormalised: normaliseEmail(input.email),
      taxId: input.taxId ?? null,
      taxIdNormalised: normaliseTaxId(input.taxId),
      crmStatus: input.status,
      creditLimitMinor: input.creditLimitMinor ?? null,
      currency: input.currency,
      paymentTermsDays: input.paymentTermsDays,
      crmUpdatedAt: updatedAt,
    });
    if (customer.mergedInto) {
      await manager.save(customer);
      return { ...outcome, mergedInto: customer.mergedInto };
    }

    const holdChange = crmHoldChange(previousCrmStatus, input.status, { onHold: customer.onHold, source: customer.holdSource });
    const holdReason = holdChange === 'place' ? CRM_HOLD_REASON : CRM_RELEASE_REASON;
    if (holdChange !== 'none') changeHold(customer, holdChange, holdReason, 'crm');
    publishUpserted(unit, customer);
    outcome.events.push('CustomerUpserted');
    if (holdChange !== 'none') {
      publishHoldChange(unit, customer, holdChange, holdReason, 'crm');
      outcome.events.push(holdChange === 'place' ? 'AccountHoldPlaced' : 'AccountHoldReleased');
    }
    await manager.save(customer);

    const savedVersion = customer.version;
    outcome.events.push(...(await this.detectDuplicates(unit, customer)));
    if (customer.version !== savedVersion) await manager.update(Customer, customer.customerId, { version: customer.version });
    return outcome;
  }

  /** Pairs with other (unmerged) customers sharing the normalised email or tax id, each reported once. */
  private async detectDuplicates(unit: UnitOfWork, customer: Customer): Promise<string[]> {
    const where: FindOptionsWhere<Customer>[] = [];
    if (customer.emailNormalised) where.push({ emailNormalised: customer.emailNormalised, mergedInto: IsNull() });
    if (customer.taxIdNormalised) where.push({ taxIdNormalised: customer.taxIdNormalised, mergedInto: IsNull() });
    if (where.length === 0) return [];
    // Two new customers with the same email in concurrent transactions would not see each other: serialise per key.
    const keys = [
      customer.emailNormalised && `email:${customer.emailNormalised}`,
      customer.taxIdNormalised && `taxId:${customer.taxIdNormalised}`,
    ]
      .filter((key): key is string => Boolean(key))
      .sort();
    for (const key of keys) await unit.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
    const candidates = await unit.manager.find(Customer, { where });
    const published: string[] = [];
    for (const match of findDuplicates(customer, candidates)) {
      const inserted: unknown[] = await unit.manager.query(
        `INSERT INTO customer_duplicates (customer_id, duplicate_of_customer_id, matched_on)
         VALUES ($1, $2, $3)
         ON CONFLICT ((least(customer_id, duplicate_of_customer_id)), (greatest(customer_id, duplicate_of_customer_id))) DO NOTHING
         RETURNING id`,
        [customer.customerId, match.customerId, match.matchedOn],
      );
      if (inserted.length === 0) continue;
      publishCustomerEvent(unit, customer, 'CustomerDuplicateDetected', {
        customerId: customer.customerId,
        duplicateOfCustomerId: match.customerId,
        matchedOn: match.matchedOn,
      });
      published.push('CustomerDuplicateDetected');
    }
    return published;
  }
}

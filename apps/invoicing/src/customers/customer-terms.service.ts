import { Injectable } from '@nestjs/common';
import type { CustomerMerged, CustomerUpserted } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { CustomerTerms } from './customer-terms.entity';

/**
 * Keeps the customers' payment terms from crm-sync's events, as the order service keeps its
 * customer accounts: the newest CRM record wins, and a merged id resolves to its final survivor.
 */
@Injectable()
export class CustomerTermsService {
  /** The whole record; one older than what is stored (by the CRM's updatedAt) changes nothing. */
  async customerUpserted(event: CustomerUpserted, unit: UnitOfWork): Promise<void> {
    await unit.manager.query(
      `INSERT INTO customer_terms (customer_id, payment_terms_days, crm_updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET payment_terms_days = EXCLUDED.payment_terms_days, crm_updated_at = EXCLUDED.crm_updated_at
       WHERE customer_terms.crm_updated_at IS NULL OR customer_terms.crm_updated_at <= EXCLUDED.crm_updated_at`,
      [event.customerId, event.paymentTermsDays, new Date(event.updatedAt)],
    );
  }

  /**
   * `mergedCustomerId`, and every id merged into it before, now resolve to the survivor: the
   * survivor's terms apply to their orders' invoices from now on. The rows are locked merged id
   * first, then survivor, so two merges along one chain apply one after the other.
   */
  async customerMerged(event: CustomerMerged, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const { mergedCustomerId: mergedId } = event;
    const merged = await lockTerms(manager, mergedId);
    const survivor = await lockTerms(manager, event.customerId);
    const survivorId = survivor.mergedInto ?? survivor.customerId;
    if (survivorId === mergedId) throw new Error(`merging ${mergedId} into ${event.customerId} would make a cycle`);
    await manager.update(CustomerTerms, { customerId: merged.customerId }, { mergedInto: survivorId });
    await manager.update(CustomerTerms, { mergedInto: mergedId }, { mergedInto: survivorId });
  }

  /** The payment terms that apply to `customerId` now: its survivor's if known, else its own; null when neither is known. */
  async paymentTermsDays(manager: EntityManager, customerId: string): Promise<number | null> {
    const rows: { days: number | null }[] = await manager.query(
      `SELECT coalesce(s.payment_terms_days, c.payment_terms_days) AS days
         FROM customer_terms c LEFT JOIN customer_terms s ON s.customer_id = c.merged_into
        WHERE c.customer_id = $1`,
      [customerId],
    );
    return rows[0]?.days ?? null;
  }
}

/** The customer's row, locked; created empty when a merge names a customer before its record. */
async function lockTerms(manager: EntityManager, customerId: string): Promise<CustomerTerms> {
  await manager.query(`INSERT INTO customer_terms (customer_id) VALUES ($1) ON CONFLICT (customer_id) DO NOTHING`, [customerId]);
  return manager.findOneOrFail(CustomerTerms, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
}

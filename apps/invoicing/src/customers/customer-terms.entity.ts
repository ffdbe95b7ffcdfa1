import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Invoicing's picture of a CRM customer, from tradeflow.customers.v1: only what billing needs. A row
 * may exist before the customer is known (a merge named it first); its terms are null until then.
 */
@Entity('customer_terms')
export class CustomerTerms {
  /** The CRM's id, as orders and invoices name customers. */
  @PrimaryColumn({ name: 'customer_id' })
  customerId!: string;

  /** Days from an invoice's issue date to its due date; null until a CustomerUpserted brings them. */
  @Column({ name: 'payment_terms_days', type: 'int', nullable: true })
  paymentTermsDays!: number | null;

  /** The CRM's updatedAt of the record applied; older records do not overwrite it. */
  @Column({ name: 'crm_updated_at', type: 'timestamptz', nullable: true })
  crmUpdatedAt!: Date | null;

  /** The survivor this customer was merged into; always the final one (merges are followed through). */
  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto!: string | null;
}

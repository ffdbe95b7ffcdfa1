import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';

/**
 * The order's picture of a CRM customer, from tradeflow.customers.v1. A row may exist before the
 * customer is known (a hold or a merge named it first); only CustomerUpserted makes it known.
 */
@Entity('customer_accounts')
export class CustomerAccount {
  /** The CRM's id, as orders name customers. */
  @PrimaryColumn({ name: 'customer_id' })
  customerId!: string;

  @Column({ default: false })
  known!: boolean;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'on_hold', default: false })
  onHold!: boolean;

  @Column({ name: 'hold_reason', type: 'text', nullable: true })
  holdReason!: string | null;

  /** null: no credit limit. */
  @Column({ name: 'credit_limit_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  creditLimitMinor!: number | null;

  /** Currency of the credit limit. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  /** The survivor this customer was merged into; always the final one (merges are followed through). */
  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto!: string | null;

  /** The CRM's updatedAt of the record applied; older records do not overwrite it. */
  @Column({ name: 'crm_updated_at', type: 'timestamptz', nullable: true })
  crmUpdatedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

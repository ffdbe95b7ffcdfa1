import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';
import type { CrmStatus, HoldSource } from './customer-rules';

/** The customer master, keyed by the CRM's id. A merged customer stays, pointing at its survivor. */
@Entity('customers')
export class Customer {
  @PrimaryColumn({ name: 'customer_id' })
  customerId!: string;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'email_normalised', type: 'text', nullable: true })
  emailNormalised!: string | null;

  @Column({ name: 'tax_id', type: 'text', nullable: true })
  taxId!: string | null;

  @Column({ name: 'tax_id_normalised', type: 'text', nullable: true })
  taxIdNormalised!: string | null;

  /** The status the CRM last sent; the account hold below is the effective state. */
  @Column({ name: 'crm_status', type: 'text' })
  crmStatus!: CrmStatus;

  /** null: no credit limit. */
  @Column({ name: 'credit_limit_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  creditLimitMinor!: number | null;

  @Column()
  currency!: string;

  @Column({ name: 'payment_terms_days', type: 'int' })
  paymentTermsDays!: number;

  /** The CRM's `updatedAt` of the data stored; older webhooks never overwrite it. */
  @Column({ name: 'crm_updated_at', type: 'timestamptz' })
  crmUpdatedAt!: Date;

  @Column({ name: 'on_hold', default: false })
  onHold!: boolean;

  @Column({ name: 'hold_reason', type: 'text', nullable: true })
  holdReason!: string | null;

  @Column({ name: 'hold_source', type: 'text', nullable: true })
  holdSource!: HoldSource | null;

  @Column({ name: 'hold_changed_at', type: 'timestamptz', nullable: true })
  holdChangedAt!: Date | null;

  /** The survivor this customer was merged into; it resolves there from then on. */
  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto!: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt!: Date | null;

  /** Incremented by every event about this customer; it is the events' aggregateVersion. */
  @Column({ type: 'int', default: 0 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** ON_HOLD while any hold (CRM or API) is in place: what CustomerUpserted.status says. */
  get status(): CrmStatus {
    return this.onHold ? 'ON_HOLD' : 'ACTIVE';
  }
}

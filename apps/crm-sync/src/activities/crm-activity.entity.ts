import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';

/** KEPT: no CRM URL configured. PENDING → DELIVERED, or DEAD after the last attempt (retryable). */
export type DeliveryStatus = 'KEPT' | 'PENDING' | 'DELIVERED' | 'DEAD';

/** One order, shipment, invoice or payment event as CRM activity of a customer, and its delivery. */
@Entity('crm_activities')
export class CrmActivity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'event_id' })
  eventId!: string;

  @Column({ name: 'event_type' })
  eventType!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'order_id' })
  orderId!: string;

  /** Resolved through merges when recorded; null until the order's customer is known. */
  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;

  /** The customer id before merge resolution, as the event (or its order) named it. */
  @Column({ name: 'source_customer_id', type: 'text', nullable: true })
  sourceCustomerId!: string | null;

  @Column()
  summary!: string;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'amount_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  amountMinor!: number | null;

  @Column({ type: 'text', nullable: true })
  currency!: string | null;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

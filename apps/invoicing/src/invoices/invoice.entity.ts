import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';
import { InvoiceLine } from './invoice-line.entity';

/**
 * One invoice per dispatched shipment. Totals are the sums of the lines; paidMinor the sum of its
 * payments, creditedMinor of the credit note parts applied to it (InvoiceCredit). Both change only
 * through bookOnInvoice.
 */
@Entity('invoices')
export class Invoice {
  @PrimaryColumn('uuid')
  id!: string;

  /** INV-000001…, gap-free (see DocumentNumbersService). */
  @Column({ unique: true })
  number!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'shipment_id', unique: true })
  shipmentId!: string;

  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** The order's correlation id, so payments stay in the order's trace. */
  @Column({ name: 'correlation_id' })
  correlationId!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'net_minor', type: 'bigint', transformer: bigintAsNumber })
  netMinor!: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: bigintAsNumber })
  taxMinor!: number;

  @Column({ name: 'total_minor', type: 'bigint', transformer: bigintAsNumber })
  totalMinor!: number;

  @Column({ name: 'paid_minor', type: 'bigint', transformer: bigintAsNumber })
  paidMinor!: number;

  @Column({ name: 'credited_minor', type: 'bigint', transformer: bigintAsNumber })
  creditedMinor!: number;

  /** When payments and credits first covered the total and InvoicePaid was published; it is published once. */
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  /** aggregateVersion of the invoice's last event. */
  @Column({ type: 'int' })
  version!: number;

  @OneToMany(() => InvoiceLine, (line) => line.invoice, { eager: true })
  lines!: InvoiceLine[];
}

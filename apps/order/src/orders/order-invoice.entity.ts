import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';

/** An invoice of the order as invoicing reported it; paid once InvoicePaid arrives. */
@Entity('order_invoices')
export class OrderInvoice {
  @PrimaryColumn({ name: 'invoice_id' })
  invoiceId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'invoice_number' })
  invoiceNumber!: string;

  @Column({ name: 'shipment_id' })
  shipmentId!: string;

  @Column({ name: 'due_date' })
  dueDate!: string;

  @Column({ name: 'total_minor', type: 'bigint', transformer: bigintAsNumber })
  totalMinor!: number;

  @Column({ name: 'paid_minor', type: 'bigint', transformer: bigintAsNumber, default: 0 })
  paidMinor!: number;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';

/** A payment booked against an invoice (POST /v1/payments); part of the invoice's history. */
@Entity('payments')
export class Payment {
  @PrimaryColumn('uuid')
  id!: string;

  /** The payment provider's reference; a payment is booked once per reference. */
  @Column({ name: 'payment_ref', unique: true })
  paymentRef!: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

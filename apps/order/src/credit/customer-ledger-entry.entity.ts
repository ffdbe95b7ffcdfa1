import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LedgerKind } from '../orders/credit-control';
import { bigintAsNumber } from '@tradeflow/money';

/** One money document of a customer, from tradeflow.invoices.v1: the unpaid balance is their sum. */
@Entity('customer_ledger')
export class CustomerLedgerEntry {
  /** invoiceId, paymentId or creditNoteId: each document counts once. */
  @PrimaryColumn({ name: 'entry_id' })
  entryId!: string;

  @Column({ type: 'text' })
  kind!: LedgerKind;

  /** As the document names it (a merged id stays as it was; sums resolve it). */
  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Always positive; `kind` says which way it counts. */
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor!: number;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

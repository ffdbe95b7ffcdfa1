import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';

/** The part of a credit note applied to one line of one invoice (allocateCredit); part of the invoice's history. */
@Entity('invoice_credits')
export class InvoiceCredit {
  @PrimaryColumn({ name: 'credit_note_id', type: 'uuid' })
  creditNoteId!: string;

  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor!: number;
}

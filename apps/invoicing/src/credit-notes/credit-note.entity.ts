import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';
import { CreditNoteLine } from './credit-note-line.entity';

/** One credit note per received return, for exactly the returned quantities at the order's prices. */
@Entity('credit_notes')
export class CreditNote {
  @PrimaryColumn('uuid')
  id!: string;

  /** CN-000001…, gap-free, a sequence of its own. */
  @Column({ unique: true })
  number!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'return_id', unique: true })
  returnId!: string;

  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'net_minor', type: 'bigint', transformer: bigintAsNumber })
  netMinor!: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: bigintAsNumber })
  taxMinor!: number;

  @Column({ name: 'total_minor', type: 'bigint', transformer: bigintAsNumber })
  totalMinor!: number;

  @OneToMany(() => CreditNoteLine, (line) => line.creditNote, { eager: true })
  lines!: CreditNoteLine[];
}

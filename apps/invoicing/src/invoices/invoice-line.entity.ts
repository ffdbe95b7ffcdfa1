import type { Relation } from 'typeorm';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';
// Relation<> keeps decorator metadata from touching Invoice before both modules are loaded.
import { Invoice } from './invoice.entity';

@Entity('invoice_lines')
export class InvoiceLine {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @ManyToOne(() => Invoice, (invoice) => invoice.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice!: Relation<Invoice>;

  @Column()
  sku!: string;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor!: number;

  @Column({ name: 'tax_rate_bp', type: 'int' })
  taxRateBp!: number;

  /** The product's tax class when the document was issued; null: invoicing did not know the product yet. */
  @Column({ name: 'tax_class', type: 'text', nullable: true })
  taxClass!: string | null;

  @Column({ name: 'net_minor', type: 'bigint', transformer: bigintAsNumber })
  netMinor!: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: bigintAsNumber })
  taxMinor!: number;
}

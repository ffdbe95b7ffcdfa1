import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What invoicing knows of a product from tradeflow.products.v1: its tax class. */
@Entity('products')
export class Product {
  @PrimaryColumn()
  sku!: string;

  /** The product master's version of the record held here; an older one changes nothing. */
  @Column({ type: 'int' })
  version!: number;

  /** STANDARD, REDUCED or ZERO. */
  @Column({ name: 'tax_class' })
  taxClass!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What shipping knows of a product from tradeflow.products.v1: what one unit weighs and measures. */
@Entity('products')
export class Product {
  @PrimaryColumn()
  sku!: string;

  /** The product master's version of the record held here; an older one changes nothing. */
  @Column({ type: 'int' })
  version!: number;

  /** Shipping weight of one unit; null: the product master does not know it. */
  @Column({ name: 'weight_grams', type: 'int', nullable: true })
  weightGrams!: number | null;

  @Column({ name: 'length_mm', type: 'int', nullable: true })
  lengthMm!: number | null;

  @Column({ name: 'width_mm', type: 'int', nullable: true })
  widthMm!: number | null;

  @Column({ name: 'height_mm', type: 'int', nullable: true })
  heightMm!: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { bigintAsNumber } from '@tradeflow/money';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProductStatus, TaxClass } from './product-rules';

/** One product of the product master, as last applied (docs/design.md#product-master). */
@Entity('products')
export class Product {
  @PrimaryColumn()
  sku!: string;

  /** The ERP's version of the record: only a higher one replaces it. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  version!: number;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  status!: ProductStatus;

  @Column({ name: 'unit_of_measure' })
  unitOfMeasure!: string;

  @Column({ name: 'weight_grams', type: 'int', nullable: true })
  weightGrams!: number | null;

  @Column({ name: 'length_mm', type: 'int', nullable: true })
  lengthMm!: number | null;

  @Column({ name: 'width_mm', type: 'int', nullable: true })
  widthMm!: number | null;

  @Column({ name: 'height_mm', type: 'int', nullable: true })
  heightMm!: number | null;

  @Column({ name: 'tax_class', type: 'text' })
  taxClass!: TaxClass;

  @Column({ type: 'text', array: true })
  gtins!: string[];

  /** Warehouses whose stock of this product is never reserved. */
  @Column({ name: 'excluded_warehouses', type: 'text', array: true })
  excludedWarehouses!: string[];

  /** Why it is DISCONTINUED or BLOCKED; null while ACTIVE. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /**
   * How many versions inventory applied: the events' aggregateVersion (an Avro int), which the ERP's
   * version (a long, often a timestamp) cannot be.
   */
  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

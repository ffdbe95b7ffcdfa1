import { bigintAsNumber } from '@tradeflow/money';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProductStatus } from './orderable-lines';

/** The order's picture of a product of the master (tradeflow.products.v1): what order lines may name. */
@Entity('products')
export class Product {
  @PrimaryColumn()
  sku!: string;

  @Column()
  name!: string;

  @Column({ type: 'text' })
  status!: ProductStatus;

  /** The master's version of the record applied; an event with an older one changes nothing. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  version!: number;

  /** When inventory applied this version: for a withdrawn product, since when orders waiting for it are stuck. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Stock of one sku in one warehouse. Invariant (checked by the database): 0 ≤ reserved ≤ on hand. */
@Entity('stock_levels')
export class StockLevel {
  @PrimaryColumn()
  sku!: string;

  @PrimaryColumn()
  warehouse!: string;

  @Column({ name: 'on_hand', type: 'int' })
  onHand!: number;

  @Column({ type: 'int', default: 0 })
  reserved!: number;

  @Column({ name: 'reorder_point', type: 'int', default: 0 })
  reorderPoint!: number;

  /** aggregateVersion of the last stock event about this sku and warehouse. */
  @Column({ type: 'int', default: 0 })
  version!: number;

  get available(): number {
    return this.onHand - this.reserved;
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Net quantity of an order line reserved in a warehouse: Σ StockReserved − Σ StockReleased.
 * Dispatched quantities stay counted (inventory never releases issued stock).
 */
@Entity('reserved_quantities')
export class ReservedQuantity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @PrimaryColumn()
  warehouse!: string;

  @Column()
  sku!: string;

  @Column({ type: 'int' })
  quantity!: number;
}

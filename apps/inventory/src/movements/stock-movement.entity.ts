import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type StockMovementKind = 'issue' | 'return';

/**
 * Goods that left with a shipment (issue, reference = shipmentId) or came back (return,
 * reference = returnId), one row per line and warehouse; unique, so each is applied once.
 */
@Entity('stock_movements')
export class StockMovement {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  kind!: StockMovementKind;

  @Column()
  reference!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @Column()
  sku!: string;

  @Column()
  warehouse!: string;

  @Column({ type: 'int' })
  quantity!: number;

  /** Issued without a reservation of the order to take it from (a dispatch racing a cancel). */
  @Column({ type: 'int', default: 0 })
  unreserved!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

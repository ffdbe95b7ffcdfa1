import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Quantity of an order line still waiting for stock; receipts fill these in id (arrival) order. */
@Entity('backorders')
export class Backorder {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @Column()
  sku!: string;

  @Column({ type: 'int' })
  quantity!: number;

  /** The order's correlation id, so the late StockReserved stays in the order's trace. */
  @Column({ name: 'correlation_id' })
  correlationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

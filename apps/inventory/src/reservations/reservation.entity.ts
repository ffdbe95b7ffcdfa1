import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Quantity of an order line held in one warehouse by one allocation. Of it, `issued` left with a
 * shipment and `released` was given up (amend, cancel, shortage); the rest is still held.
 */
@Entity('reservations')
export class Reservation {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

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

  @Column({ type: 'int', default: 0 })
  issued!: number;

  @Column({ type: 'int', default: 0 })
  released!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Still set aside in stock: neither issued nor released. */
  get open(): number {
    return this.quantity - this.issued - this.released;
  }
}

import type { Relation } from 'typeorm';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
// Relation<> keeps decorator metadata from touching Order before both modules are loaded.
import { Order } from './order.entity';
import type { OrderStatus } from './order-status';

/** One line of an order's history: what happened, the status after it, and when. */
@Entity('order_timeline')
export class OrderTimelineEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => Order, (order) => order.timeline, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order!: Relation<Order>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column()
  event!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}

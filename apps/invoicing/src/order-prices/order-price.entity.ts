import { Column, Entity, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrderPriceLine } from './order-price-line.entity';

/**
 * Invoicing's view of an order: who pays, in which currency, at which prices. A row may exist
 * before the order is known (customer and currency still null) because a dispatch or return
 * arrived first; it is also the lock that keeps an order's events and its documents in step.
 */
@Entity('order_prices')
export class OrderPrice {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  /** The sales channel that placed the order (OrderPlaced), for the revenue report; null until then. */
  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  /** aggregateVersion of the order event the lines come from; 0 before any. */
  @Column({ type: 'int' })
  version!: number;

  @OneToMany(() => OrderPriceLine, (line) => line.order, { eager: true })
  lines!: OrderPriceLine[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrderLine } from './order-line.entity';
import type { OrderStatus } from './order-status';
import { OrderTimelineEntry } from './order-timeline-entry.entity';

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  countryCode: string;
}

@Entity('orders')
export class Order {
  @PrimaryColumn('uuid')
  id!: string;

  @Column()
  channel!: string;

  /** The channel's own number for the order, unique per channel (a partial unique index); null when the channel sent none. */
  @Column({ name: 'channel_order_number', type: 'text', nullable: true })
  channelOrderNumber!: string | null;

  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column({ length: 3 })
  currency!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ name: 'allow_partial_shipment' })
  allowPartialShipment!: boolean;

  @Column({ name: 'shipping_address', type: 'jsonb' })
  shippingAddress!: ShippingAddress;

  /** Incremented by every event about this order; it is the events' aggregateVersion. */
  @Column({ type: 'int' })
  version!: number;

  @OneToMany(() => OrderLine, (line) => line.order, { cascade: true, eager: true })
  lines!: OrderLine[];

  @OneToMany(() => OrderTimelineEntry, (entry) => entry.order, { cascade: true })
  timeline!: OrderTimelineEntry[];

  /** Why the order waits while HELD (a HoldReason); cleared when it is approved. */
  @Column({ name: 'hold_reason', type: 'text', nullable: true })
  holdReason!: string | null;

  /** The failed check's amounts or names, as the last check saw them. */
  @Column({ name: 'hold_detail', type: 'text', nullable: true })
  holdDetail!: string | null;

  /** When the order was first held. */
  @Column({ name: 'held_since', type: 'timestamptz', nullable: true })
  heldSince!: Date | null;

  /** When it entered its status; kept by a database trigger, never written by the service. */
  @Column({ name: 'status_since', type: 'timestamptz', insert: false, update: false })
  statusSince!: Date;

  /** Set once, when OrderCompleted is published. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

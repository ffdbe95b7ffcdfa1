import type { Address } from '@tradeflow/events';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Shipping's facts about one order. The row appears with the first event about the order from
 * either topic; `placed` says whether OrderPlaced (address, partial-shipment rule) has arrived.
 * Locking it serialises everything done for the order, whichever replica consumes which topic.
 */
@Entity('shipping_orders')
export class ShippingOrder {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ default: false })
  placed!: boolean;

  @Column({ name: 'allow_partial_shipment', default: false })
  allowPartialShipment!: boolean;

  @Column({ name: 'shipping_address', type: 'jsonb', nullable: true })
  shippingAddress!: Address | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

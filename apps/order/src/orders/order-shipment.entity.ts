import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A shipment of the order as shipping reported it: dispatched, then delivered. */
@Entity('order_shipments')
export class OrderShipment {
  @PrimaryColumn({ name: 'shipment_id' })
  shipmentId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column()
  warehouse!: string;

  @Column({ name: 'tracking_number' })
  trackingNumber!: string;

  @Column({ name: 'dispatched_at', type: 'timestamptz' })
  dispatchedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}

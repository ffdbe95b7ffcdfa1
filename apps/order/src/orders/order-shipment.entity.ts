import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a carrier reports instead of a delivery (shipping's ShipmentException kinds other than FAILED_ATTEMPT). */
export const CARRIER_EXCEPTIONS = ['RETURNED_TO_SENDER', 'LOST', 'DAMAGED'] as const;
export type CarrierException = (typeof CARRIER_EXCEPTIONS)[number];

/** A shipment of the order as shipping reported it: dispatched, then delivered, or not (a carrier exception). */
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

  /** Failed delivery attempts the carrier reported; it tries again by itself. */
  @Column({ name: 'delivery_attempts', type: 'int', default: 0 })
  deliveryAttempts!: number;

  /** RETURNED_TO_SENDER, LOST or DAMAGED until the shipment is delivered after all; the order waits for an operator meanwhile. */
  @Column({ type: 'text', nullable: true })
  exception!: CarrierException | null;

  @Column({ name: 'exception_detail', type: 'text', nullable: true })
  exceptionDetail!: string | null;

  @Column({ name: 'exception_at', type: 'timestamptz', nullable: true })
  exceptionAt!: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A shipment whose label the carrier refused after every retry (ShipmentLabelFailed); gone once labelled, dispatched or cancelled. */
@Entity('order_label_failures')
export class OrderLabelFailure {
  @PrimaryColumn({ name: 'shipment_id' })
  shipmentId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column()
  reason!: string;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;
}

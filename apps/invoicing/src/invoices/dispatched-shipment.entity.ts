import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BilledQuantity } from '../order-prices/price-list';

/**
 * A ShipmentDispatched as received, once per shipmentId. invoiceId stays null while the order's
 * prices are not known; the order event that brings them invoices it.
 */
@Entity('dispatched_shipments')
export class DispatchedShipment {
  /** Arrival order, so waiting shipments are invoiced in the order they were dispatched. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'shipment_id', unique: true })
  shipmentId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column()
  warehouse!: string;

  @Column({ type: 'jsonb' })
  lines!: BilledQuantity[];

  @Column({ name: 'correlation_id' })
  correlationId!: string;

  @Column({ name: 'dispatched_at', type: 'timestamptz' })
  dispatchedAt!: Date;

  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrderReservationStatus = 'active' | 'cancelled';

/** Inventory's view of an order it has seen approved: the version of its reservation events. */
@Entity('order_reservations')
export class OrderReservation {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text', default: 'active' })
  status!: OrderReservationStatus;

  /** The order's correlation id, so later reservation events stay in the order's trace (null before issue 3). */
  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Inventory's view of an order it has allocated: the version of its reservation events. */
@Entity('order_reservations')
export class OrderReservation {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'int' })
  version!: number;
}

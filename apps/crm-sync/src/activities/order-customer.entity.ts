import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whose order it is (from OrderPlaced/Approved/Held), for events that name only the order. */
@Entity('order_customers')
export class OrderCustomer {
  @PrimaryColumn({ name: 'order_id' })
  orderId!: string;

  @Column({ name: 'customer_id' })
  customerId!: string;
}

import type { Relation } from 'typeorm';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// Relation<> keeps decorator metadata from touching Order before both modules are loaded.
import { Order } from './order.entity';

/** Postgres bigint arrives as a string; amounts in minor units stay far below 2^53. */
export const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

@Entity('order_lines')
export class OrderLine {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @ManyToOne(() => Order, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order!: Relation<Order>;

  @Column()
  sku!: string;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor!: number;

  @Column({ name: 'tax_rate_bp', type: 'int' })
  taxRateBp!: number;

  @Column({ type: 'int', default: 0 })
  reserved!: number;

  @Column({ type: 'int', default: 0 })
  backordered!: number;
}

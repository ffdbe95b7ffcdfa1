import { bigintAsNumber } from '@tradeflow/money';
import type { Relation } from 'typeorm';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// Relation<> keeps decorator metadata from touching Order before both modules are loaded.
import { Order } from './order.entity';

/** Postgres bigint arrives as a string; amounts in minor units stay far below 2^53. */
/** The counters of a line nothing has happened to yet. */
export const NO_PROGRESS = { reserved: 0, backordered: 0, shipped: 0, invoiced: 0, cancelled: 0, returnRequested: 0, returned: 0, credited: 0 };

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

  /** Ordered quantity after amendments; 0 = removed (line numbers are never reused). */
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

  @Column({ type: 'int', default: 0 })
  shipped!: number;

  @Column({ type: 'int', default: 0 })
  invoiced!: number;

  @Column({ type: 'int', default: 0 })
  cancelled!: number;

  /** Announced by ReturnRequested; bounds further return requests. */
  @Column({ name: 'return_requested', type: 'int', default: 0 })
  returnRequested!: number;

  @Column({ type: 'int', default: 0 })
  returned!: number;

  @Column({ type: 'int', default: 0 })
  credited!: number;
}

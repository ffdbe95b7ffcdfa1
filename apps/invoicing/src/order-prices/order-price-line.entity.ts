import type { Relation } from 'typeorm';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@tradeflow/money';
// Relation<> keeps decorator metadata from touching OrderPrice before both modules are loaded.
import { OrderPrice } from './order-price.entity';

/** The price and tax rate of one order line; kept when an amendment sets the quantity to 0. */
@Entity('order_price_lines')
export class OrderPriceLine {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @ManyToOne(() => OrderPrice, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order!: Relation<OrderPrice>;

  @Column()
  sku!: string;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor!: number;

  @Column({ name: 'tax_rate_bp', type: 'int' })
  taxRateBp!: number;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Ordered quantity of an order line after the latest OrderPlaced/OrderAmended; 0 = removed. */
@Entity('ordered_lines')
export class OrderedLine {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @Column()
  sku!: string;

  @Column({ type: 'int' })
  ordered!: number;
}

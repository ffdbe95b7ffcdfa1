import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReturnStatus = 'REQUESTED' | 'RECEIVED';

export interface ReturnLine {
  lineNo: number;
  sku: string;
  quantity: number;
}

/** A return the customer announced (REQUESTED) and shipping took back (RECEIVED). */
@Entity('order_returns')
export class OrderReturn {
  @PrimaryColumn({ name: 'return_id' })
  returnId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text' })
  status!: ReturnStatus;

  @Column({ type: 'jsonb' })
  lines!: ReturnLine[];

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;
}

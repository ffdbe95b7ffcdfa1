import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BilledQuantity } from '../order-prices/price-list';

/**
 * A ReturnReceived as received, once per returnId. creditNoteId stays null while the order's
 * prices are not known; the order event that brings them credits it.
 */
@Entity('received_returns')
export class ReceivedReturn {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'return_id', unique: true })
  returnId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  /** As received: one line number may come once per warehouse it went back to. */
  @Column({ type: 'jsonb' })
  lines!: BilledQuantity[];

  @Column({ name: 'correlation_id' })
  correlationId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true })
  creditNoteId!: string | null;
}

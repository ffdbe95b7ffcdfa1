import type { ReturnReceivedLine, ReturnRequestedLine } from '@tradeflow/events';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReturnStatus = 'REQUESTED' | 'RECEIVED';

/** A return announced by the order service (ReturnRequested) and, once the goods arrive, received. */
@Entity('returns')
export class CustomerReturn {
  @PrimaryColumn()
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text' })
  status!: ReturnStatus;

  @Column({ type: 'jsonb' })
  lines!: ReturnRequestedLine[];

  /** The returned lines with the warehouse each quantity went back to. */
  @Column({ name: 'received_lines', type: 'jsonb', nullable: true })
  receivedLines!: ReturnReceivedLine[] | null;

  @Column({ name: 'correlation_id' })
  correlationId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One record of a feed key to send to one subscription. While PENDING a newer record of the key
 * replaces `version`, `type`, `body` and `messageId` in place (webhook-feeds.service.ts).
 */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @Column()
  feed!: string;

  @Column()
  key!: string;

  // bigint comes back from pg as a string; versions stay far below 2^53.
  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  version!: number;

  @Column()
  type!: string;

  /** The Standard Webhooks `webhook-id`: the same for every retry of one record, new when the record is replaced. */
  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  /** The JSON sent, byte for byte what is signed. */
  @Column()
  body!: string;

  @Column({ type: 'text', default: 'PENDING' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}

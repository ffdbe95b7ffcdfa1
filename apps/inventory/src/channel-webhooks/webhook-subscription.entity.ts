import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FeedName } from './webhook-feed';

/** A channel's endpoint for the feeds it follows; deleting it keeps the row (and its deliveries) for the record. */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column()
  channel!: string;

  @Column()
  url!: string;

  @Column({ type: 'text', array: true })
  feeds!: FeedName[];

  /**
   * Standard Webhooks signing secret (`whsec_` + base64 of the key). Kept readable because every
   * delivery is signed with it; shown to the channel only in the answer that created it.
   */
  @Column()
  secret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to an idempotent write, replayed for a retry with the same body. `scope`
 * separates the key spaces (a sales channel's Idempotency-Keys, inventory's receipt ids).
 */
@Entity('idempotency_keys')
export class IdempotencyRecord {
  @PrimaryColumn()
  scope!: string;

  @PrimaryColumn({ name: 'idempotency_key' })
  key!: string;

  @Column({ name: 'request_hash' })
  requestHash!: string;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

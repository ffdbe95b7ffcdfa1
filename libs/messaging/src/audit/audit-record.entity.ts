import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One action a person or system took by hand. Insert-only: a trigger refuses updates and deletes. */
@Entity('audit_records')
export class AuditRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column()
  action!: string;

  @Column({ name: 'target_id' })
  targetId!: string;

  @Column({ type: 'jsonb' })
  targets!: Record<string, string>;

  @Column({ name: 'actor_subject' })
  actorSubject!: string;

  @Column({ name: 'actor_client' })
  actorClient!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_via' })
  actorVia!: string;

  @Column()
  route!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'request_id' })
  requestId!: string;

  @Column({ name: 'correlation_id' })
  correlationId!: string;
}

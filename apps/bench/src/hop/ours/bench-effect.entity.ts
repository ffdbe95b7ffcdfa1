import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The hop's effect row (bench_effect, created by the migration from effects.ts). */
@Entity('bench_effect')
export class BenchEffect {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text', { name: 'order_id' })
  orderId!: string;

  @Column('int')
  quantity!: number;
}

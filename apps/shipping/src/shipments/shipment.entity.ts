import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Parcel } from '../labels/parcel';
import type { ShipmentLine } from './shipment-planning';
import type { ShipmentStatus } from './shipment-status';

/** One parcel of an order from one warehouse, from planning through label, dispatch and delivery. */
@Entity('shipments')
export class Shipment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column()
  warehouse!: string;

  @Column({ type: 'text' })
  status!: ShipmentStatus;

  @Column({ type: 'jsonb' })
  lines!: ShipmentLine[];

  @Column({ type: 'text', nullable: true })
  carrier!: string | null;

  @Column({ name: 'label_number', type: 'text', nullable: true })
  labelNumber!: string | null;

  @Column({ name: 'tracking_number', type: 'text', nullable: true })
  trackingNumber!: string | null;

  /** The parcel the carrier labelled; null until labelled. */
  @Column({ type: 'jsonb', nullable: true })
  parcel!: Parcel | null;

  /** Carrier calls in the current round (retry-label starts a new round). */
  @Column({ name: 'label_attempts', type: 'int', default: 0 })
  labelAttempts!: number;

  @Column({ name: 'last_label_error', type: 'text', nullable: true })
  lastLabelError!: string | null;

  /** When the label worker may next call the carrier; a claim pushes it out by the lease. */
  @Column({ name: 'next_label_attempt_at', type: 'timestamptz', nullable: true })
  nextLabelAttemptAt!: Date | null;

  /** Token of the worker holding the label lease; its result is applied only if it still matches. */
  @Column({ name: 'label_claim', type: 'uuid', nullable: true })
  labelClaim!: string | null;

  /** Failed delivery attempts the carrier reported (FAILED_ATTEMPT); the carrier tries again by itself. */
  @Column({ name: 'delivery_attempts', type: 'int', default: 0 })
  deliveryAttempts!: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_attempt_detail', type: 'text', nullable: true })
  lastAttemptDetail!: string | null;

  /** When the carrier reported RETURNED_TO_SENDER, LOST or DAMAGED, and what it said. */
  @Column({ name: 'exception_at', type: 'timestamptz', nullable: true })
  exceptionAt!: Date | null;

  @Column({ name: 'exception_detail', type: 'text', nullable: true })
  exceptionDetail!: string | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  /** aggregateVersion of the shipment's latest event. */
  @Column({ type: 'int' })
  version!: number;

  /** The order's correlation id, so label, dispatch and delivery events stay in the order's trace. */
  @Column({ name: 'correlation_id' })
  correlationId!: string;

  /** ShipmentCreated's eventId: the cause of the label events, which have no consumed event. */
  @Column({ name: 'created_event_id', type: 'uuid' })
  createdEventId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'labelled_at', type: 'timestamptz', nullable: true })
  labelledAt!: Date | null;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}

import type { DataSource } from 'typeorm';
import type { DeliveryOutcome } from './delivery-outcome';

/** A PENDING activity leased to one delivery worker, as the CRM message needs it. */
export interface ClaimedActivity {
  id: string;
  event_id: string;
  event_type: string;
  customer_id: string;
  order_id: string;
  occurred_at: Date;
  summary: string;
  details: Record<string, unknown>;
  amount_minor: string | null;
  currency: string | null;
  attempts: number;
}

/**
 * Leases up to `batchSize` due PENDING activities (FOR UPDATE SKIP LOCKED, so replicas share the
 * work) by moving their next attempt `leaseSeconds` ahead.
 */
export async function claimDueActivities(dataSource: DataSource, batchSize: number, leaseSeconds: number): Promise<ClaimedActivity[]> {
  // TypeORM answers an UPDATE with [rows, rowCount].
  const [claimed]: [ClaimedActivity[], number] = await dataSource.query(
    `UPDATE crm_activities SET next_attempt_at = now() + make_interval(secs => $2)
      WHERE id IN (
        SELECT id FROM crm_activities
         WHERE status = 'PENDING' AND customer_id IS NOT NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at, created_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING id, event_id, event_type, customer_id, order_id, occurred_at, summary, details, amount_minor, currency, attempts`,
    [batchSize, leaseSeconds],
  );
  return claimed;
}

/** Records the `attempts`-th attempt's outcome; false when the row left PENDING meanwhile (an operator's retry reset it). */
export async function recordDeliveryAttempt(
  dataSource: DataSource,
  activityId: string,
  outcome: DeliveryOutcome,
  attempts: number,
  error: string | null,
): Promise<boolean> {
  const [, updated]: [unknown[], number] = await dataSource.query(
    `UPDATE crm_activities
        SET status = $2, attempts = $3, last_error = coalesce($4, last_error),
            next_attempt_at = now() + make_interval(secs => $5),
            delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END
      WHERE id = $1 AND status = 'PENDING'`,
    [activityId, outcome.status, attempts, error, outcome.status === 'PENDING' ? outcome.retryInMs / 1000 : 0],
  );
  return updated === 1;
}

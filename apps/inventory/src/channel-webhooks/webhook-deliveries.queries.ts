import type { DataSource, EntityManager } from 'typeorm';
import type { AttemptOutcome } from './delivery-rules';

/** Channel the delivery worker LISTENs on; Postgres delivers the NOTIFY only when the transaction commits. */
export const DELIVERY_QUEUE_CHANNEL = 'tradeflow_inventory_webhooks';

/** Wakes the delivery workers of every replica once the caller's transaction commits a pending delivery. */
export async function notifyDeliveryQueue(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify($1, '')`, [DELIVERY_QUEUE_CHANNEL]);
}

/** A PENDING delivery leased to one worker, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  message_id: string;
  body: string;
  url: string;
  secret: string;
}

/**
 * Leases up to `batchSize` due PENDING deliveries (FOR UPDATE SKIP LOCKED, so replicas share the
 * work) by moving their next attempt `leaseMs` ahead.
 */
export async function claimDueDeliveries(dataSource: DataSource, batchSize: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  // TypeORM answers an UPDATE with [rows, rowCount].
  const [claimed]: [ClaimedDelivery[], number] = await dataSource.query(
    `WITH due AS (
       SELECT id FROM webhook_deliveries
        WHERE status = 'PENDING' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
     UPDATE webhook_deliveries d
        SET next_attempt_at = now() + $2 * interval '1 millisecond'
       FROM due, webhook_subscriptions s
      WHERE d.id = due.id AND s.id = d.subscription_id
     RETURNING d.id, d.message_id, d.body, s.url, s.secret`,
    [batchSize, leaseMs],
  );
  return claimed;
}

/**
 * Records what one POST of `messageId` came to, as `decide` rules given the row as it is now (its
 * record may have been replaced while it was sent); undefined when it left PENDING meanwhile
 * (its subscription was deleted).
 */
export function recordDeliveryAttempt(
  dataSource: DataSource,
  delivery: { id: string; messageId: string },
  error: string | null,
  decide: (attempts: number, replacedMeanwhile: boolean) => AttemptOutcome,
): Promise<AttemptOutcome | undefined> {
  return dataSource.transaction(async (manager) => {
    const [current]: { attempts: number; message_id: string }[] = await manager.query(
      `SELECT attempts, message_id FROM webhook_deliveries WHERE id = $1 AND status = 'PENDING' FOR UPDATE`,
      [delivery.id],
    );
    if (!current) return undefined;
    const outcome = decide(current.attempts, current.message_id !== delivery.messageId);
    await manager.query(
      `UPDATE webhook_deliveries
          SET status = $2, attempts = $3, last_error = coalesce($4, last_error),
              next_attempt_at = now() + $5 * interval '1 millisecond',
              delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() END
        WHERE id = $1`,
      [delivery.id, outcome.status, outcome.attempts, error, outcome.status === 'PENDING' ? outcome.retryInMs : 0],
    );
    return outcome;
  });
}

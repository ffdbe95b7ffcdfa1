import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CrmSyncSettings } from '../crm-sync-settings';
import { countDelivery } from './activity-deliveries.metric';
import type { ActivityMessage } from './crm-activity-client';
import { CrmActivityClient } from './crm-activity-client';
import { afterAttempt } from './retry-backoff';

const BATCH_SIZE = 20;

interface ClaimedActivity {
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
 * Delivers PENDING activity to the CRM, outside any consumer transaction. Each round claims due
 * rows with FOR UPDATE SKIP LOCKED (so replicas share the work) and leases them by moving their
 * next attempt past the request timeout; a replica that dies mid-delivery leaves them to be
 * retried after the lease. Failures retry with backoff and jitter; the last one makes them DEAD.
 */
@Injectable()
export class ActivityDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ActivityDeliveryWorker.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: CrmActivityClient,
    private readonly settings: CrmSyncSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.CRM_ACTIVITY_URL) return;
    this.running = true;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.round;
  }

  /** Delivers what is due now; returns how many were tried. */
  async deliverDue(): Promise<number> {
    const leaseSeconds = this.settings.CRM_ACTIVITY_TIMEOUT_MS / 1000 + 30;
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [claimed]: [ClaimedActivity[], number] = await this.dataSource.query(
      `UPDATE crm_activities SET next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (
          SELECT id FROM crm_activities
           WHERE status = 'PENDING' AND customer_id IS NOT NULL AND next_attempt_at <= now()
           ORDER BY next_attempt_at, created_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING id, event_id, event_type, customer_id, order_id, occurred_at, summary, details, amount_minor, currency, attempts`,
      [BATCH_SIZE, leaseSeconds],
    );
    for (const activity of claimed) {
      if (!this.running) break; // shutting down: the lease hands the rest to the next start
      await this.deliver(activity);
    }
    return claimed.length;
  }

  private async deliver(activity: ClaimedActivity): Promise<void> {
    const result = await this.client.send(toMessage(activity));
    const attempts = activity.attempts + 1;
    const outcome = afterAttempt(result.delivered, attempts, {
      maxAttempts: this.settings.CRM_ACTIVITY_MAX_ATTEMPTS,
      baseMs: this.settings.CRM_ACTIVITY_RETRY_BASE_MS,
    });
    const error = result.delivered ? null : result.error;
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE crm_activities
          SET status = $2, attempts = $3, last_error = coalesce($4, last_error),
              next_attempt_at = now() + make_interval(secs => $5),
              delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END
        WHERE id = $1 AND status = 'PENDING'`,
      [activity.id, outcome.status, attempts, error, outcome.status === 'PENDING' ? outcome.retryInMs / 1000 : 0],
    );
    // Not counted when the row left PENDING meanwhile (an operator's retry reset it): nothing was applied.
    if (updated === 1) countDelivery(outcome);
    if (outcome.status === 'DEAD') {
      this.logger.warn(`CRM activity ${activity.id} is DEAD after ${attempts} attempts: ${error}`);
    }
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.round = this.deliverDue()
        .then((tried) => this.schedule(tried > 0 ? 0 : this.settings.CRM_ACTIVITY_POLL_INTERVAL_MS))
        .catch((error: Error) => {
          this.logger.error(`CRM activity delivery round failed: ${error.message}`);
          this.schedule(this.settings.CRM_ACTIVITY_POLL_INTERVAL_MS);
        });
    }, delayMs);
  }
}

function toMessage(activity: ClaimedActivity): ActivityMessage {
  return {
    activityId: activity.id,
    eventId: activity.event_id,
    type: activity.event_type,
    customerId: activity.customer_id,
    orderId: activity.order_id,
    occurredAt: new Date(activity.occurred_at).toISOString(),
    summary: activity.summary,
    details: activity.details,
    amountMinor: activity.amount_minor === null ? null : Number(activity.amount_minor),
    currency: activity.currency,
  };
}

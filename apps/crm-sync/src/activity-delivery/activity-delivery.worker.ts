import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { DueWorkPoller } from '@tradeflow/platform';
import { DataSource } from 'typeorm';
import { CrmSyncSettings } from '../crm-sync-settings';
import { countDelivery } from './activity-deliveries.metric';
import type { ClaimedActivity } from './activity-deliveries.queries';
import { claimDueActivities, recordDeliveryAttempt } from './activity-deliveries.queries';
import type { ActivityMessage } from './crm-activity-client';
import { CrmActivityClient } from './crm-activity-client';
import { afterAttempt } from './delivery-outcome';

const BATCH_SIZE = 20;

/**
 * Delivers PENDING activity to the CRM, outside any consumer transaction, as a DueWorkPoller: each
 * round leases due rows past the request timeout, so a replica that dies mid-delivery leaves them
 * to be retried after the lease. One request at a time; failures retry with backoff and jitter;
 * the last one makes them DEAD.
 */
@Injectable()
export class ActivityDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ActivityDeliveryWorker.name);
  private readonly poller: DueWorkPoller<ClaimedActivity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: CrmActivityClient,
    private readonly settings: CrmSyncSettings,
  ) {
    const leaseSeconds = settings.CRM_ACTIVITY_TIMEOUT_MS / 1000 + 30;
    this.poller = new DueWorkPoller<ClaimedActivity>(
      {
        claim: () => claimDueActivities(this.dataSource, BATCH_SIZE, leaseSeconds),
        run: (activity) => this.deliver(activity),
        roundFailed: (error) => this.logger.error(`CRM activity delivery round failed: ${error.message}`),
      },
      { pollIntervalMs: settings.CRM_ACTIVITY_POLL_INTERVAL_MS, oneAtATime: true },
    );
  }

  onApplicationBootstrap(): void {
    if (this.settings.CRM_ACTIVITY_URL) this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  private async deliver(activity: ClaimedActivity): Promise<void> {
    const result = await this.client.send(toMessage(activity));
    const attempts = activity.attempts + 1;
    const outcome = afterAttempt(result.delivered, attempts, {
      maxAttempts: this.settings.CRM_ACTIVITY_MAX_ATTEMPTS,
      initialMs: this.settings.CRM_ACTIVITY_RETRY_BASE_MS,
    });
    const error = result.delivered ? null : result.error;
    // Not counted when the row left PENDING meanwhile: nothing was applied.
    if (await recordDeliveryAttempt(this.dataSource, activity.id, outcome, attempts, error)) countDelivery(outcome);
    if (outcome.status === 'DEAD') {
      this.logger.warn(`CRM activity ${activity.id} is DEAD after ${attempts} attempts: ${error}`);
    }
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

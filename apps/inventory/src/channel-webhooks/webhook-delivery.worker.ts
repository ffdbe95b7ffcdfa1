import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RetryPolicy } from '@tradeflow/platform';
import { DueWorkPoller } from '@tradeflow/platform';
import type { PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { sendWebhook } from './channel-webhook-client';
import { afterAttempt } from './delivery-rules';
import type { ClaimedDelivery } from './webhook-deliveries.queries';
import { claimDueDeliveries, DELIVERY_QUEUE_CHANNEL, recordDeliveryAttempt } from './webhook-deliveries.queries';
import { countDelivery } from './webhook-deliveries.metric';

export interface WebhookWorkerOptions extends RetryPolicy {
  pollIntervalMs: number;
  /** A POST taking longer is a failed attempt; a claim is leased for twice this. */
  timeoutMs: number;
  batchSize: number;
}

export const WEBHOOK_WORKER_OPTIONS = Symbol('WEBHOOK_WORKER_OPTIONS');

/**
 * Sends PENDING deliveries to the channels, outside any consumer transaction, as a DueWorkPoller: a
 * claim leases due rows past the request timeout, the POST runs with no transaction open, and its
 * result is recorded only while the row is still PENDING. A batch is sent at once: its rows are of
 * different keys or subscriptions, and one key never has two deliveries pending. Woken by NOTIFY
 * when a delivery is recorded and when a retry falls due; polling as fallback.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private listener?: QueryRunner;
  private readonly poller: DueWorkPoller<ClaimedDelivery>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WEBHOOK_WORKER_OPTIONS) private readonly options: WebhookWorkerOptions,
  ) {
    this.poller = new DueWorkPoller<ClaimedDelivery>(
      {
        claim: () => claimDueDeliveries(this.dataSource, options.batchSize, 2 * options.timeoutMs),
        run: (delivery) => this.deliver(delivery),
        roundFailed: (error) => this.logger.warn({ err: error, msg: 'channel webhook delivery will retry' }),
      },
      { pollIntervalMs: options.pollIntervalMs },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.listener = this.dataSource.createQueryRunner();
    const client = (await this.listener.connect()) as PoolClient;
    client.on('notification', () => this.poller.wake());
    await client.query(`LISTEN ${DELIVERY_QUEUE_CHANNEL}`);
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    await this.listener?.release();
    this.listener = undefined;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const result = await sendWebhook(delivery, { id: delivery.message_id, body: delivery.body }, this.options.timeoutMs);
    const error = result.delivered ? null : result.error;
    const outcome = await recordDeliveryAttempt(this.dataSource, { id: delivery.id, messageId: delivery.message_id }, error, (attempts, replaced) =>
      afterAttempt(result.delivered, attempts, replaced, this.options),
    );
    // Not counted when the row left PENDING meanwhile: nothing was applied.
    if (!outcome) return;
    countDelivery(outcome);
    if (outcome.status === 'PENDING') this.poller.wakeAfter(outcome.retryInMs);
    if (outcome.status === 'FAILED') this.logger.warn({ msg: 'channel webhook delivery FAILED', deliveryId: delivery.id, attempts: outcome.attempts, error });
  }
}

import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { InventorySettings } from '../inventory-settings';
import { AvailabilityEventsHandler } from './availability-events.handler';
import { ProductEventsHandler } from './product-events.handler';
import type { WebhookWorkerOptions } from './webhook-delivery.worker';
import { WEBHOOK_WORKER_OPTIONS, WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookFeedsService } from './webhook-feeds.service';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Signed webhooks to subscribed sales channels: subscriptions, the feeds that fill them, the worker that sends. */
@Module({})
export class ChannelWebhooksModule {
  static register(settings: InventorySettings): DynamicModule {
    const options: WebhookWorkerOptions = {
      maxAttempts: settings.CHANNEL_WEBHOOK_MAX_ATTEMPTS,
      initialMs: settings.CHANNEL_WEBHOOK_RETRY_BASE_MS,
      maxMs: settings.CHANNEL_WEBHOOK_RETRY_MAX_MS,
      pollIntervalMs: settings.CHANNEL_WEBHOOK_POLL_INTERVAL_MS,
      timeoutMs: settings.CHANNEL_WEBHOOK_TIMEOUT_MS,
      batchSize: 10,
    };
    return {
      module: ChannelWebhooksModule,
      controllers: [WebhookSubscriptionsController, ProductEventsHandler, AvailabilityEventsHandler],
      providers: [
        { provide: WEBHOOK_WORKER_OPTIONS, useValue: options },
        WebhookSubscriptionsService,
        WebhookFeedsService,
        WebhookDeliveryWorker,
      ],
    };
  }
}

import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import { subscriptionProblems } from './delivery-rules';
import type {
  CreatedWebhookSubscriptionView,
  CreateWebhookSubscriptionDto,
  DeliveriesQueryDto,
  WebhookDeliveryView,
  WebhookSubscriptionView,
} from './dto/webhook-subscription.dto';
import { WebhookDelivery } from './webhook-delivery.entity';
import type { FeedName } from './webhook-feed';
import { WebhookSubscription } from './webhook-subscription.entity';

/** Standard Webhooks secrets are `whsec_` + base64 of a key; 32 random bytes, above the scheme's minimum of 24. */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** Channels' webhook subscriptions: created (the secret shown once), listed, deleted; and what was sent to each. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(request: CreateWebhookSubscriptionDto): Promise<CreatedWebhookSubscriptionView> {
    const errors = subscriptionProblems(request.url, request.feeds);
    if (errors.length > 0) {
      const message = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
      throw new UnprocessableEntityException({ statusCode: 422, message, errors });
    }
    const subscription: WebhookSubscription = {
      id: randomUUID(),
      channel: request.channel,
      url: request.url,
      feeds: request.feeds as FeedName[],
      secret: newSecret(),
      createdAt: new Date(),
      deletedAt: null,
    };
    await this.transactions.run({ producer: SERVICE_NAME, correlationId: subscription.id }, (unit) =>
      unit.manager.insert(WebhookSubscription, subscription),
    );
    return { ...view(subscription), secret: subscription.secret };
  }

  async list(): Promise<WebhookSubscriptionView[]> {
    const subscriptions = await this.dataSource.manager.find(WebhookSubscription, { where: { deletedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    return subscriptions.map(view);
  }

  /** Nothing more is sent: deliveries not yet sent are CANCELLED with the subscription. */
  async delete(id: string): Promise<void> {
    await this.transactions.run({ producer: SERVICE_NAME, correlationId: id }, async ({ manager }) => {
      const deleted = await manager.update(WebhookSubscription, { id, deletedAt: IsNull() }, { deletedAt: new Date() });
      if (deleted.affected !== 1) throw new NotFoundException(`webhook subscription ${id} does not exist`);
      await manager.update(WebhookDelivery, { subscriptionId: id, status: 'PENDING' }, { status: 'CANCELLED' });
    });
  }

  /** Newest first; a deleted subscription's too, so what it was sent stays visible. */
  async deliveries(id: string, query: DeliveriesQueryDto): Promise<WebhookDeliveryView[]> {
    if (!(await this.dataSource.manager.existsBy(WebhookSubscription, { id }))) {
      throw new NotFoundException(`webhook subscription ${id} does not exist`);
    }
    const deliveries = await this.dataSource.manager.find(WebhookDelivery, {
      where: { subscriptionId: id, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.limit ?? 100,
    });
    return deliveries.map((delivery) => ({
      id: delivery.id,
      messageId: delivery.messageId,
      feed: delivery.feed,
      key: delivery.key,
      version: delivery.version,
      type: delivery.type,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.status === 'PENDING' ? delivery.nextAttemptAt : null,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
    }));
  }
}

function view({ id, channel, url, feeds, createdAt }: WebhookSubscription): WebhookSubscriptionView {
  return { id, channel, url, feeds, createdAt };
}

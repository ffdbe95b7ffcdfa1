import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { coalesce } from './delivery-rules';
import { notifyDeliveryQueue } from './webhook-deliveries.queries';
import { WebhookDelivery } from './webhook-delivery.entity';
import type { FeedItem } from './webhook-feed';
import { deliveryBody } from './webhook-feed';

/**
 * The one way a feed's change reaches channels: in the transaction of the change, one delivery per
 * live subscription of the feed, coalesced with the key's pending one (docs/design.md#channel-webhooks).
 * Changes of one key are applied one at a time (the consumer's key lanes and advisory locks), so
 * only the delivery worker competes for the key's rows, and the row lock settles that.
 */
@Injectable()
export class WebhookFeedsService {
  async record(unit: UnitOfWork, item: FeedItem): Promise<void> {
    const { manager } = unit;
    // FOR SHARE: a deletion waits for this transaction and then cancels what it queued, or, committed
    // first, hides the subscription from it; either way a deleted subscription is sent nothing new.
    const subscriptions: { id: string }[] = await manager.query(
      `SELECT id FROM webhook_subscriptions WHERE deleted_at IS NULL AND $1 = ANY (feeds) ORDER BY id FOR SHARE`,
      [item.feed],
    );
    const body = deliveryBody(item);
    let queued = false;
    for (const { id: subscriptionId } of subscriptions) {
      // Waits for a worker recording an attempt on the row, then reads its status as committed.
      const [latest] = await manager.find(WebhookDelivery, {
        where: { subscriptionId, feed: item.feed, key: item.key },
        order: { version: 'DESC' },
        take: 1,
        lock: { mode: 'pessimistic_write' },
      });
      const decision = coalesce(latest && { version: latest.version, pending: latest.status === 'PENDING' }, item.version);
      if (decision === 'ignore') continue;
      const record = { version: item.version, type: item.type, body, messageId: randomUUID() };
      if (decision === 'replace') {
        // Attempts and schedule stay: the receiver's trouble does not end because the record changed.
        await manager.update(WebhookDelivery, { id: latest.id }, record);
      } else {
        await manager.insert(WebhookDelivery, { id: randomUUID(), subscriptionId, feed: item.feed, key: item.key, ...record });
      }
      queued = true;
    }
    if (queued) await notifyDeliveryQueue(manager);
  }
}

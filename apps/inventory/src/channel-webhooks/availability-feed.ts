import type { AvailabilityChanged } from '@tradeflow/events';
import type { FeedItem } from './webhook-feed';

/** The availability feed: each sku's latest figure, versioned by its sequence, so a burst sends only the last one. */
export function availabilityFeedItem(event: AvailabilityChanged): FeedItem {
  const { sku, availableToSell, onHand, reserved, safetyStock, warehouses, sequence, changedAt } = event;
  return {
    feed: 'availability',
    key: sku,
    version: sequence,
    type: 'availability.changed',
    data: { sku, availableToSell, onHand, reserved, safetyStock, warehouses, sequence, changedAt: new Date(changedAt).toISOString() },
  };
}

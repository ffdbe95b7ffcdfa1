import type { EventEnvelope, ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import type { FeedItem } from './webhook-feed';

/** The envelope describes the Kafka record, not the product; typed so a new envelope field cannot slip into `data`. */
const ENVELOPE_FIELDS: Record<keyof EventEnvelope, true> = {
  eventId: true,
  eventType: true,
  occurredAt: true,
  correlationId: true,
  causationId: true,
  producer: true,
  aggregateId: true,
  aggregateVersion: true,
};

/** The products feed: each product event's whole record, keyed by sku, versioned by the product's version. */
export function productFeedItem(event: ProductUpserted | ProductDiscontinued): FeedItem {
  return {
    feed: 'products',
    key: event.sku,
    version: event.version,
    type: event.eventType === 'ProductUpserted' ? 'product.upserted' : 'product.discontinued',
    data: Object.fromEntries(Object.entries(event).filter(([field]) => !(field in ENVELOPE_FIELDS))),
  };
}

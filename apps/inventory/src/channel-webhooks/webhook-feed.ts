/**
 * What channels can subscribe to. A feed is a producer of FeedItems (product-feed.ts,
 * availability-feed.ts); the subscriptions, coalescing, signing and retries are the same for every feed.
 */
export const FEEDS = ['products', 'availability'] as const;
export type FeedName = (typeof FEEDS)[number];

/** The latest record of one key of a feed; a newer `version` of the same key supersedes it. */
export interface FeedItem {
  feed: FeedName;
  key: string;
  /** Rises with every change of the key; an older one never replaces a newer one. */
  version: number;
  /** What happened, e.g. `product.upserted`, `availability.changed`. */
  type: string;
  data: Record<string, unknown>;
}

/** The JSON a channel receives for one item, exactly as it is signed. */
export function deliveryBody(item: FeedItem): string {
  return JSON.stringify({ type: item.type, feed: item.feed, key: item.key, data: item.data });
}

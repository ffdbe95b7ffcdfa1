/**
 * The share of each status (docs/design.md#order-statuses) among the seeded orders, summing to 1: most orders
 * of the last 90 days are done, a few wait somewhere on the way. The bench sees the order service
 * only over HTTP and SQL, so the names are spelt out here.
 */
export const ORDER_STATUSES_BY_SHARE: readonly (readonly [string, number])[] = [
  ['PLACED', 0.04],
  ['HELD', 0.02],
  ['APPROVED', 0.03],
  ['BACKORDERED', 0.02],
  ['PARTIALLY_RESERVED', 0.01],
  ['RESERVED', 0.08],
  ['PARTIALLY_SHIPPED', 0.02],
  ['SHIPPED', 0.08],
  ['DELIVERED', 0.1],
  ['COMPLETED', 0.55],
  ['CANCELLED', 0.05],
];

/** The channels orders come in through. */
export const CHANNELS = ['web-shop', 'marketplace', 'b2b-portal'] as const;

import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import { productFeedItem } from './product-feed';
import { deliveryBody } from './webhook-feed';

const record = {
  sku: 'MUG-RED',
  version: 4,
  name: 'Red mug',
  description: null,
  status: 'ACTIVE',
  unitOfMeasure: 'C62',
  weightGrams: 350,
  lengthMm: 120,
  widthMm: 90,
  heightMm: 100,
  taxClass: 'STANDARD',
  gtins: ['4006381333931'],
  excludedWarehouses: [],
  updatedAt: 1796684033290,
};
const meta = { producer: 'inventory', aggregateId: 'MUG-RED', aggregateVersion: 4, correlationId: 'MUG-RED' } as const;

describe('productFeedItem and deliveryBody', () => {
  it("sends a ProductUpserted's whole record, without the envelope, keyed by sku at the product's version", () => {
    const upserted: ProductUpserted = createEvent('ProductUpserted', record, meta);
    const item = productFeedItem(upserted);
    expect(item).toEqual({ feed: 'products', key: 'MUG-RED', version: 4, type: 'product.upserted', data: record });
    expect(deliveryBody(item)).toBe(JSON.stringify({ type: 'product.upserted', feed: 'products', key: 'MUG-RED', data: record }));
  });

  it('sends a ProductDiscontinued with its reason', () => {
    const discontinued: ProductDiscontinued = createEvent('ProductDiscontinued', { ...record, status: 'BLOCKED', reason: 'recall' }, meta);
    expect(JSON.parse(deliveryBody(productFeedItem(discontinued)))).toEqual({
      type: 'product.discontinued',
      feed: 'products',
      key: 'MUG-RED',
      data: { ...record, status: 'BLOCKED', reason: 'recall' },
    });
  });
});

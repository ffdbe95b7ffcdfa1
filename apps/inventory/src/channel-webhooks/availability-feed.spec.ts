import type { AvailabilityChanged } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import { availabilityFeedItem } from './availability-feed';
import { deliveryBody } from './webhook-feed';

describe('availabilityFeedItem', () => {
  it("sends the sku's figure, keyed by sku and versioned by its sequence, with the instant in ISO form", () => {
    const figure = {
      sku: 'MUG-RED',
      availableToSell: 7,
      onHand: 10,
      reserved: 1,
      safetyStock: 2,
      warehouses: [{ warehouse: 'WH-1', onHand: 10, reserved: 1, excluded: false }],
      sequence: 41,
      changedAt: Date.parse('2026-12-07T10:00:00Z'),
    };
    const event: AvailabilityChanged = createEvent('AvailabilityChanged', figure, {
      producer: 'inventory',
      aggregateId: 'MUG-RED',
      aggregateVersion: 3,
      correlationId: 'corr-1',
    });
    const item = availabilityFeedItem(event);
    expect(item).toMatchObject({ feed: 'availability', key: 'MUG-RED', version: 41, type: 'availability.changed' });
    expect(JSON.parse(deliveryBody(item))).toEqual({
      type: 'availability.changed',
      feed: 'availability',
      key: 'MUG-RED',
      data: { ...figure, changedAt: '2026-12-07T10:00:00.000Z' },
    });
  });
});

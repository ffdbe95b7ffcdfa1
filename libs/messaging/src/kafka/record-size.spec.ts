import { createEvent } from '@tradeflow/events';
import { eventsAsJsonWithinLimit, RecordTooLargeError } from './record-size';

function approvedWithLines(count: number) {
  const lines = Array.from({ length: count }, (_, index) => ({ lineNo: index + 1, sku: `SKU-${index}`, quantity: 1 }));
  return createEvent(
    'OrderApproved',
    { orderId: 'O-1', customerId: 'C-1', allowPartialShipment: false, lines },
    { producer: 'order', aggregateId: 'O-1', aggregateVersion: 1, correlationId: 'O-1' },
  );
}

describe('eventsAsJsonWithinLimit', () => {
  it('gives the JSON of events within the limit', () => {
    const event = approvedWithLines(1);
    expect(eventsAsJsonWithinLimit([event], 10_000).map((json) => JSON.parse(json))).toEqual([JSON.parse(JSON.stringify(event))]);
  });

  it('refuses an event above the limit, naming its type, size and the setting', () => {
    const big = approvedWithLines(500);
    let caught: unknown;
    try {
      eventsAsJsonWithinLimit([approvedWithLines(1), big], 10_000);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RecordTooLargeError);
    expect((caught as RecordTooLargeError).getStatus()).toBe(413);
    expect((caught as Error).message).toMatch(/^OrderApproved .* bytes, above the limit of 10000 \(KAFKA_MAX_RECORD_BYTES\)$/);
  });
});

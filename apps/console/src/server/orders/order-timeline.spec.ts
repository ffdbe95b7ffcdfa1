import type { ServiceEvent } from './order-timeline';
import { mergeTimeline } from './order-timeline';

const event = (eventId: string, occurredAt: string, producer: string, traceparent: string | null = null): ServiceEvent => ({
  eventId,
  eventType: `Event${eventId}`,
  topic: 'tradeflow.orders.v1',
  key: 'order-1',
  producer,
  occurredAt,
  publishedAt: occurredAt,
  traceparent,
  payload: {},
});

describe('mergeTimeline', () => {
  it('lists every service’s events once, oldest first, with the trace id of its traceparent', () => {
    const traceparent = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
    const timeline = mergeTimeline([
      { service: 'inventory', events: [event('2', '2026-01-01T00:00:02Z', 'inventory'), event('1', '2026-01-01T00:00:01Z', 'order')] },
      { service: 'order', events: [event('1', '2026-01-01T00:00:01Z', 'order', traceparent)] },
      { service: 'shipping', events: [event('3', '2026-01-01T00:00:00Z', 'shipping')] },
    ]);
    expect(timeline.map((entry) => [entry.eventId, entry.service, entry.traceId])).toEqual([
      ['3', 'shipping', null],
      ['1', 'order', 'a'.repeat(32)],
      ['2', 'inventory', null],
    ]);
  });
});

import type { StoredSpan } from './trace-waterfall';
import { waterfalls } from './trace-waterfall';

const span = (spanId: string, parentSpanId: string | undefined, startMs: number, endMs: number, extra: Partial<StoredSpan> = {}): StoredSpan => ({
  traceId: 't1',
  spanId,
  parentSpanId,
  name: `span ${spanId}`,
  service: 'order',
  startTimeUnixNano: String(BigInt(startMs) * 1_000_000n),
  endTimeUnixNano: String(BigInt(endMs) * 1_000_000n),
  attributes: {},
  ...extra,
});

describe('waterfalls', () => {
  it('places the spans of the order’s trace on one axis, children under their parent, without query and middleware spans', () => {
    const spans = [
      span('b', 'a', 1010, 1030, { service: 'inventory', attributes: { 'tradeflow.event_type': 'OrderApproved' }, status: { code: 2, message: 'boom' } }),
      span('a', undefined, 1000, 1050, { attributes: { 'messaging.message.conversation_id': 'order-1' } }),
      span('q', 'a', 1001, 1002, { name: 'pg.query' }),
      span('m', 'a', 1001, 1002, { name: 'middleware - jsonParser' }),
      span('c', undefined, 1005, 1006),
      { ...span('x', undefined, 0, 1), traceId: 'other' },
    ];
    const [trace, ...others] = waterfalls(spans, 'order-1');
    expect(others).toEqual([]);
    expect(trace.durationMs).toBe(50);
    expect(trace.rows.map((row) => [row.spanId, row.depth, row.offsetMs, row.durationMs, row.eventType, row.error])).toEqual([
      ['a', 0, 0, 50, null, null],
      ['b', 1, 10, 20, 'OrderApproved', 'boom'],
      ['c', 0, 5, 1, null, null],
    ]);
  });
});

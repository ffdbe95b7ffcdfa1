import type { ReceivedSpan } from '@tradeflow/testing';
import { hopTimes } from './hop-times';

/** A span of trace T starting and ending at the given milliseconds. */
function span(spanId: string, parentSpanId: string | undefined, service: string, kind: number, startMs: number, endMs: number, eventType?: string): ReceivedSpan {
  return {
    traceId: 'T',
    spanId,
    parentSpanId,
    name: spanId,
    kind,
    service,
    startTimeUnixNano: String(BigInt(startMs) * 1_000_000n),
    endTimeUnixNano: String(BigInt(endMs) * 1_000_000n),
    attributes: eventType ? { 'tradeflow.event_type': eventType } : {},
    links: [],
  };
}

describe('hop times of an order trace', () => {
  it('splits each hop into the wait for the relay, the send, the wait for the handler and the handler, in flow order', () => {
    const spans = [
      span('post', undefined, 'order', 2, 0, 40),
      span('send-placed', 'post', 'order', 4, 55, 60, 'OrderPlaced'),
      span('inventory-process', 'send-placed', 'inventory', 5, 90, 100),
      span('send-reserved', 'inventory-process', 'inventory', 4, 130, 132, 'StockReserved'),
      span('order-process', 'send-reserved', 'order', 5, 300, 310),
    ];

    expect(hopTimes(spans)).toEqual([
      { hop: 'OrderPlaced: order → inventory', samples: 1, toRelayMs: 15, sendMs: 5, toHandlerMs: 30, handlerMs: 10, atMs: 90 },
      { hop: 'StockReserved: inventory → order', samples: 1, toRelayMs: 30, sendMs: 2, toHandlerMs: 168, handlerMs: 10, atMs: 300 },
    ]);
  });

  it('takes the median over orders and skips a hop whose producer or writer was not received', () => {
    const second = (id: string) => `${id}-2`;
    const spans = [
      span('post', undefined, 'order', 2, 0, 10),
      span('send', 'post', 'order', 4, 20, 22, 'OrderPlaced'),
      span('process', 'send', 'inventory', 5, 30, 35),
      { ...span(second('post'), undefined, 'order', 2, 0, 10), traceId: 'U' },
      { ...span(second('send'), second('post'), 'order', 4, 40, 42, 'OrderPlaced'), traceId: 'U' },
      { ...span(second('process'), second('send'), 'inventory', 5, 50, 55), traceId: 'U' },
      { ...span(second('orphan'), 'not-received', 'inventory', 5, 60, 61), traceId: 'U' },
      { ...span(second('third'), undefined, 'order', 2, 0, 10), traceId: 'V' },
      { ...span(second('send3'), second('third'), 'order', 4, 100, 102, 'OrderPlaced'), traceId: 'V' },
      { ...span(second('process3'), second('send3'), 'inventory', 5, 110, 115), traceId: 'V' },
    ];

    const [placed, ...others] = hopTimes(spans);
    expect(others).toEqual([]);
    expect(placed).toMatchObject({ hop: 'OrderPlaced: order → inventory', samples: 3, toRelayMs: 30, toHandlerMs: 8, handlerMs: 5 });
  });
});

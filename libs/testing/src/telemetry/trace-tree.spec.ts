import { spansOfExport } from './otlp-span';
import { renderTraceTree, spansOfCorrelation } from './trace-tree';

const attribute = (key: string, value: string) => ({ key, value: { stringValue: value } });
const span = (spanId: string, name: string, parentSpanId: string, start: number, attributes: ReturnType<typeof attribute>[] = []) => ({
  traceId: 'trace-1',
  spanId,
  parentSpanId,
  name,
  kind: 1,
  startTimeUnixNano: String(start),
  attributes,
});
const ms = 1_000_000;

describe('trace tree of an order', () => {
  const exported = {
    resourceSpans: [
      {
        resource: { attributes: [attribute('service.name', 'order')] },
        scopeSpans: [{ spans: [{ ...span('a', 'POST /v1/orders', '', 1), endTimeUnixNano: String(1 + 42.5 * ms) }, span('b', 'publish orders', 'a', 2)] }],
      },
      {
        resource: { attributes: [attribute('service.name', 'inventory')] },
        scopeSpans: [
          {
            spans: [
              {
                ...span('c', 'process orders', 'b', 3, [attribute('messaging.message.conversation_id', 'ORDER-1'), attribute('tradeflow.event_type', 'OrderApproved')]),
                endTimeUnixNano: String(3 + 7 * ms),
                status: { code: 2, message: 'stock row locked' },
              },
            ],
          },
        ],
      },
      { resource: { attributes: [attribute('service.name', 'order')] }, scopeSpans: [{ spans: [{ ...span('z', 'GET /other', '', 0), traceId: 'trace-2' }] }] },
    ],
  };

  it('keeps only the traces that touched the order and draws them by parent, with durations and errors', () => {
    const spans = spansOfCorrelation(spansOfExport(exported), 'ORDER-1');
    expect(spans.map((received) => received.spanId)).toEqual(['a', 'b', 'c']);
    expect(renderTraceTree(spans)).toBe(
      ['order: POST /v1/orders  42.5 ms', '  order: publish orders', '    inventory: process orders [OrderApproved]  7.0 ms  ERROR: stock row locked'].join('\n'),
    );
  });
});

import type { ReceivedSpan } from './otlp-span';

/** Attribute carrying the correlation id (the order id for everything an order causes). */
export const CORRELATION_ATTRIBUTE = 'messaging.message.conversation_id';

/** Spans of every trace in which some span carries `correlationId`, oldest first. */
export function spansOfCorrelation(spans: ReceivedSpan[], correlationId: string): ReceivedSpan[] {
  const traces = new Set(spans.filter((span) => span.attributes[CORRELATION_ATTRIBUTE] === correlationId).map((span) => span.traceId));
  return spans
    .filter((span) => traces.has(span.traceId))
    .sort((a, b) => (BigInt(a.startTimeUnixNano) < BigInt(b.startTimeUnixNano) ? -1 : 1));
}

/** A text tree of spans by parent, one line per span: service, name, and the event it handled if any. */
export function renderTraceTree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string | undefined, ReceivedSpan[]>();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      const event = span.attributes['tradeflow.event_type'];
      lines.push(`${'  '.repeat(depth)}${span.service}: ${span.name}${event ? ` [${String(event)}]` : ''}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

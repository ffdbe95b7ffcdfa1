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

/** Milliseconds from start to end, when the span was stored with its end. */
function durationMs(span: ReceivedSpan): number | undefined {
  if (!span.endTimeUnixNano) return undefined;
  return Number(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)) / 1e6;
}

/**
 * A text tree of spans by parent, one line per span: service, name, the event it handled if any,
 * its duration, and its error (OTLP status code 2) with the message.
 */
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
      const took = durationMs(span);
      const error = span.status?.code === 2 ? `  ERROR${span.status.message ? `: ${span.status.message}` : ''}` : '';
      lines.push(`${'  '.repeat(depth)}${span.service}: ${span.name}${event ? ` [${String(event)}]` : ''}${took === undefined ? '' : `  ${took.toFixed(1)} ms`}${error}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

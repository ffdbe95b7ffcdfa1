/** A span as the local trace receiver stores it (libs/testing/src/telemetry/otlp-span.ts), one JSON line each. */
export interface StoredSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  startTimeUnixNano: string;
  endTimeUnixNano?: string;
  status?: { code?: number; message?: string };
  attributes: Record<string, unknown>;
}

export interface WaterfallRow {
  spanId: string;
  depth: number;
  service: string;
  name: string;
  eventType: string | null;
  /** From the trace's first span, in milliseconds. */
  offsetMs: number;
  durationMs: number;
  error: string | null;
}

export interface Waterfall {
  traceId: string;
  durationMs: number;
  rows: WaterfallRow[];
}

/** Attribute carrying the correlation id (the order id for everything an order causes). */
const CORRELATION_ATTRIBUTE = 'messaging.message.conversation_id';
const OTLP_ERROR = 2;
const NOISE = /^(pg\.|pg-pool\.|middleware - )/;

const ms = (nanos: bigint) => Number(nanos / 1000n) / 1000;

/**
 * The traces an order travelled in, each as rows in tree order (a child under its parent, siblings
 * by start), placed on one time axis. Database query and Express middleware spans are left out:
 * they drown the hops between services.
 */
export function waterfalls(spans: StoredSpan[], orderId: string): Waterfall[] {
  const traceIds = new Set(spans.filter((span) => span.attributes[CORRELATION_ATTRIBUTE] === orderId).map((span) => span.traceId));
  return [...traceIds].map((traceId) => waterfall(traceId, spans.filter((span) => span.traceId === traceId && !NOISE.test(span.name))));
}

function waterfall(traceId: string, spans: StoredSpan[]): Waterfall {
  const start = (span: StoredSpan) => BigInt(span.startTimeUnixNano);
  const end = (span: StoredSpan) => (span.endTimeUnixNano ? BigInt(span.endTimeUnixNano) : start(span));
  const origin = spans.reduce((earliest, span) => (start(span) < earliest ? start(span) : earliest), start(spans[0]));
  const last = spans.reduce((latest, span) => (end(span) > latest ? end(span) : latest), origin);
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string | undefined, StoredSpan[]>();
  for (const span of [...spans].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0))) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const rows: WaterfallRow[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      const eventType = span.attributes['tradeflow.event_type'];
      rows.push({
        spanId: span.spanId,
        depth,
        service: span.service,
        name: span.name,
        eventType: typeof eventType === 'string' ? eventType : null,
        offsetMs: ms(start(span) - origin),
        durationMs: ms(end(span) - start(span)),
        error: span.status?.code === OTLP_ERROR ? (span.status.message ?? 'error') : null,
      });
      walk(span.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return { traceId, durationMs: ms(last - origin), rows };
}

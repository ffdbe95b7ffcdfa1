import { propagation, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import type { OutboxEntry } from '../outbox/unit-of-work';
import { contextFromHeaders, traceHeadersOf } from './trace-context';

const tracer = trace.getTracer('tradeflow.messaging');

/** The trace each correlation (an order) first arrived in, as W3C trace headers. */
export type RememberedTraces = Map<string, Record<string, string>>;

/**
 * What a transaction has to tell Postgres about traces, as statement parameters: the first trace
 * seen of each correlation, to remember (`INSERT … ON CONFLICT DO NOTHING` keeps the earliest).
 * The statements that write state carry these, so remembering costs no round trip of its own.
 */
export interface TraceSightings {
  correlationIds: string[];
  /** JSON, one per correlation id. */
  headers: string[];
}

export const NO_SIGHTINGS: TraceSightings = { correlationIds: [], headers: [] };

function traceIdOf(headers: Record<string, string>): string | undefined {
  return trace.getSpanContext(contextFromHeaders(headers))?.traceId;
}

/** The first sighting with a trace of each correlation not remembered yet. */
export function traceSightings(seen: { correlationId: string; headers: Record<string, string> }[], remembered: RememberedTraces = new Map()): TraceSightings {
  const firstOfEach = new Map<string, Record<string, string>>();
  for (const { correlationId, headers } of seen) {
    if (!remembered.has(correlationId) && !firstOfEach.has(correlationId) && traceIdOf(headers) !== undefined) firstOfEach.set(correlationId, headers);
  }
  return { correlationIds: [...firstOfEach.keys()], headers: [...firstOfEach.values()].map((headers) => JSON.stringify(headers)) };
}

/**
 * One trace per order, even when later work on it starts elsewhere: a warehouse's dispatch request,
 * a background label worker. Each service remembers the trace a correlation (the order) first
 * arrived in; events published for that correlation from another trace (or none) continue the
 * remembered one through a span that links to the request that caused them. `remembered` holds
 * what the transaction already read (a consumer's inbox claim returns it); only correlations
 * missing from it are looked up. The sightings to remember go with the outbox insert.
 */
export async function continueCorrelationTraces(
  manager: EntityManager,
  entries: readonly OutboxEntry[],
  remembered: RememberedTraces = new Map(),
): Promise<{ entries: readonly OutboxEntry[]; sightings: TraceSightings }> {
  if (!tracingActive()) return { entries, sightings: NO_SIGHTINGS };
  const known = new Map(remembered);
  const missing = [...new Set(entries.map((entry) => entry.event.correlationId))].filter((id) => !known.has(id));
  if (missing.length > 0) {
    const rows: { correlation_id: string; headers: Record<string, string> }[] = await manager.query(
      `SELECT correlation_id, headers FROM correlation_traces WHERE correlation_id = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) known.set(row.correlation_id, row.headers);
  }
  const continued = entries.map((entry) => {
    const stored = known.get(entry.event.correlationId);
    if (!stored || traceIdOf(stored) === undefined || traceIdOf(stored) === traceIdOf(entry.headers)) return entry;
    const cause = trace.getSpanContext(contextFromHeaders(entry.headers));
    const parent = contextFromHeaders(stored);
    const span = tracer.startSpan(
      `continue ${entry.event.eventType}`,
      { attributes: { 'messaging.message.conversation_id': entry.event.correlationId }, links: cause ? [{ context: cause }] : [] },
      parent,
    );
    span.end();
    return { ...entry, headers: traceHeadersOf(trace.setSpan(parent, span)) };
  });
  const sightings = traceSightings(
    continued.map((entry) => ({ correlationId: entry.event.correlationId, headers: entry.headers })),
    known,
  );
  return { entries: continued, sightings };
}

/** Rows of correlation_traces as read by a statement, as a map. */
export function rememberedTraces(rows: readonly { correlation_id: string; headers: Record<string, string> }[]): RememberedTraces {
  return new Map(rows.map((row) => [row.correlation_id, row.headers]));
}

/** The trace context carried by a consumed record, to remember for its correlation. */
export function recordTraceHeaders(headers: IHeaders): Record<string, string> {
  return traceHeadersOf(contextFromHeaders(headers));
}

/** Without the OpenTelemetry SDK (tests in-process) there is no trace to continue: no queries. */
export function tracingActive(): boolean {
  return propagation.fields().length > 0;
}

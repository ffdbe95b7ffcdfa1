import { trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import type { OutboxEntry } from '../outbox/unit-of-work';
import type { RememberedTraces, TraceSightings } from './correlation-traces';
import { NO_SIGHTINGS, traceIdOf, traceSightings, tracingActive } from './correlation-traces';
import { contextFromHeaders, traceHeadersOf } from './trace-context';

const tracer = trace.getTracer('tradeflow.messaging');

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

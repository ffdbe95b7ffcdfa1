import { propagation, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import type { OutboxEntry } from '../outbox/unit-of-work';
import { contextFromHeaders, traceHeadersOf } from './trace-context';

const tracer = trace.getTracer('tradeflow.messaging');

function traceIdOf(headers: Record<string, string>): string | undefined {
  return trace.getSpanContext(contextFromHeaders(headers))?.traceId;
}

/**
 * One trace per order, even when later work on it starts elsewhere: a warehouse's dispatch request,
 * a background label worker. Each service remembers the trace a correlation (the order) first
 * arrived in; events published for that correlation from another trace (or none) continue the
 * remembered one through a span that links to the request that caused them.
 */
export async function continueCorrelationTraces(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<readonly OutboxEntry[]> {
  if (!tracingActive()) return entries;
  const correlations = [...new Set(entries.map((entry) => entry.event.correlationId))];
  const rows: { correlation_id: string; headers: Record<string, string> }[] = await manager.query(
    `SELECT correlation_id, headers FROM correlation_traces WHERE correlation_id = ANY($1::text[])`,
    [correlations],
  );
  const remembered = new Map(rows.map((row) => [row.correlation_id, row.headers]));
  const continued = entries.map((entry) => {
    const stored = remembered.get(entry.event.correlationId);
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
  await rememberTraces(
    manager,
    continued.map((entry) => ({ correlationId: entry.event.correlationId, headers: entry.headers })),
  );
  return continued;
}

/** Remembers the trace of each correlation seen for the first time (a request, or a consumed record). */
export async function rememberTraces(manager: EntityManager, seen: { correlationId: string; headers: Record<string, string> }[]): Promise<void> {
  const firstOfEach = new Map<string, Record<string, string>>();
  for (const { correlationId, headers } of seen) {
    if (!firstOfEach.has(correlationId) && traceIdOf(headers) !== undefined) firstOfEach.set(correlationId, headers);
  }
  if (firstOfEach.size === 0) return;
  await manager.query(
    `INSERT INTO correlation_traces (correlation_id, headers)
     SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT (correlation_id) DO NOTHING`,
    [[...firstOfEach.keys()], [...firstOfEach.values()].map((headers) => JSON.stringify(headers))],
  );
}

/** The trace context carried by a consumed record, to remember for its correlation. */
export function recordTraceHeaders(headers: IHeaders): Record<string, string> {
  return traceHeadersOf(contextFromHeaders(headers));
}

/** Without the OpenTelemetry SDK (tests in-process, the bench) there is no trace to continue: no queries. */
function tracingActive(): boolean {
  return propagation.fields().length > 0;
}

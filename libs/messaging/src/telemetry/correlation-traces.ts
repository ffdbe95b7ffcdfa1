import { propagation, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { contextFromHeaders, traceHeadersOf } from './trace-context';

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

/** The trace id W3C trace headers carry, if any. */
export function traceIdOf(headers: Record<string, string>): string | undefined {
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

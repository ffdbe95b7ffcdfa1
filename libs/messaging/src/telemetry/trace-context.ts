import type { Context } from '@opentelemetry/api';
import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';

/** W3C trace context (traceparent, tracestate) of the active span, to store with an outbox row. */
export function activeTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a producer stored in headers (an outbox row's, or a Kafka record's); empty when none. */
export function contextFromHeaders(headers: IHeaders | Record<string, string>): Context {
  const carrier: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) carrier[name] = Array.isArray(value) ? String(value[0]) : value.toString();
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** Headers carrying `spanContext`'s trace, for the Kafka record it belongs to. */
export function traceHeadersOf(spanContext: Context): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(spanContext, carrier);
  return carrier;
}

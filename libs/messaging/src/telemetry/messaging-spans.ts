import type { Span } from '@opentelemetry/api';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { DomainEvent } from '@tradeflow/events';
import { withLogContext } from '@tradeflow/platform';
import type { ConsumedEvent } from '../consumer/consumed-event';
import { contextFromHeaders, traceHeadersOf } from './trace-context';

const tracer = trace.getTracer('tradeflow.messaging');

/** OpenTelemetry messaging semantic conventions, plus the event's own identity. */
function eventAttributes(event: DomainEvent, topic: string) {
  return {
    'messaging.system': 'kafka',
    'messaging.destination.name': topic,
    'messaging.message.id': event.eventId,
    'messaging.message.conversation_id': event.correlationId,
    'tradeflow.event_type': event.eventType,
    'tradeflow.aggregate_id': event.aggregateId,
  };
}

/**
 * The producer span of an outbox row, a child of the span that wrote the row (its stored trace
 * context), so the trace continues from the request or handler that caused the event. Returns the
 * span, still open, and the headers that carry it to the consumer.
 */
export function startPublishSpan(event: DomainEvent, topic: string, storedHeaders: Record<string, string>) {
  const parent = contextFromHeaders(storedHeaders);
  const span = tracer.startSpan(
    `send ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { ...eventAttributes(event, topic), 'messaging.operation.type': 'send' } },
    parent,
  );
  return { span, headers: traceHeadersOf(trace.setSpan(parent, span)) };
}

export function endSpans(spans: Span[], error?: unknown): void {
  for (const span of spans) {
    if (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    }
    span.end();
  }
}

/**
 * Handles one consumed event inside a consumer span that is a child of the producer span (context
 * from the record's traceparent), so one order's trace runs through every service. Logs written
 * meanwhile carry the trace, correlation and event ids.
 */
export async function inProcessSpan<T>(consumed: ConsumedEvent, consumerGroup: string, work: () => Promise<T>): Promise<T> {
  const { event, source } = consumed;
  const parent = contextFromHeaders(consumed.raw.headers);
  const span = tracer.startSpan(
    `process ${source.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...eventAttributes(event, source.topic),
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': consumerGroup,
        'messaging.destination.partition.id': String(source.partition),
        'messaging.kafka.offset': Number(source.offset),
      },
    },
    parent,
  );
  try {
    const logContext = { correlationId: event.correlationId, eventId: event.eventId, eventType: event.eventType };
    const result = await context.with(trace.setSpan(parent, span), () => withLogContext(logContext, work));
    endSpans([span]);
    return result;
  } catch (error) {
    endSpans([span], error);
    throw error;
  }
}

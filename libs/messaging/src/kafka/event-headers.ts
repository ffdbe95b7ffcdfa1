import type { DomainEvent } from '@tradeflow/events';

/** Headers every record carries, so tools can route and trace without decoding Avro. */
export function eventHeaders(event: DomainEvent): Record<string, string> {
  return {
    'event-type': event.eventType,
    'event-id': event.eventId,
    'correlation-id': event.correlationId,
  };
}

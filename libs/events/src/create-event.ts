import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventOfType, EventType } from './generated/events';
import { InvalidEventError } from './errors';
import { assertValidEvent } from './schema/event-validation';
import type { ServiceName } from './topic-catalogue';
import { publishesTo, topicOfEvent } from './topic-catalogue';

/** The event's own fields, without the envelope. */
export type EventPayload<T extends EventType> = Omit<EventOfType<T>, keyof EventEnvelope>;

export interface EventMetadata {
  /** Must be a service that may publish to the event's topic. */
  producer: ServiceName;
  aggregateId: string;
  aggregateVersion: number;
  correlationId: string;
  /** eventId of the event being handled; omit when the cause is a request. */
  causationId?: string | null;
}

/**
 * Builds and validates an event, so a bad one fails inside the business transaction that made it
 * rather than later in the outbox relay.
 */
export function createEvent<T extends EventType>(type: T, payload: EventPayload<T>, meta: EventMetadata): EventOfType<T> {
  const topic = topicOfEvent(type);
  if (!publishesTo(meta.producer, topic)) {
    throw new InvalidEventError(`${type} goes to ${topic.name}, which only ${topic.producer} publishes, not ${meta.producer}`);
  }
  const event = {
    eventId: randomUUID(),
    eventType: type,
    occurredAt: Date.now(),
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    producer: meta.producer,
    aggregateId: meta.aggregateId,
    aggregateVersion: meta.aggregateVersion,
    ...payload,
  } as unknown as EventOfType<T>;
  assertValidEvent(event);
  return event;
}

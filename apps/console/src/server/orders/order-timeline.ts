/** An event as a service's GET /v1/messaging/events lists it. */
export interface ServiceEvent {
  eventId: string;
  eventType: string;
  topic: string;
  key: string | null;
  producer: string;
  occurredAt: string;
  publishedAt: string | null;
  traceparent: string | null;
  payload: unknown;
}

export interface TimelineEvent extends ServiceEvent {
  /** The service that answered with it. */
  service: string;
  traceId: string | null;
}

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * One timeline from every service's events of an order: an event a service both produced and
 * consumed is listed once (by eventId), the oldest first, each with the trace it travelled in.
 */
export function mergeTimeline(answers: { service: string; events: ServiceEvent[] }[]): TimelineEvent[] {
  const byId = new Map<string, TimelineEvent>();
  for (const { service, events } of answers) {
    for (const event of events) {
      const known = byId.get(event.eventId);
      // The producer's own copy wins: it says when the event went out.
      if (known && known.service === known.producer) continue;
      byId.set(event.eventId, { ...event, service, traceId: TRACEPARENT.exec(event.traceparent ?? '')?.[1] ?? null });
    }
  }
  return [...byId.values()].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId));
}

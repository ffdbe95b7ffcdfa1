import type { DataSource } from 'typeorm';

/** An event this service published (or is about to), as the console's order timeline shows it. */
export interface CorrelatedEvent {
  eventId: string;
  eventType: string;
  topic: string;
  key: string;
  producer: string;
  causationId: string | null;
  occurredAt: string;
  /** Null while the event waits in the outbox. */
  publishedAt: string | null;
  traceparent: string | null;
  /** The event's own fields, without the envelope. */
  payload: Record<string, unknown>;
}

const ENVELOPE = ['eventId', 'eventType', 'occurredAt', 'correlationId', 'causationId', 'producer', 'aggregateId', 'aggregateVersion'];

interface OutboxRow {
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  event: Record<string, unknown>;
  headers: Record<string, string>;
  published_at: Date | null;
}

/** The outbox rows of one correlation, oldest event first (index outbox_correlation). */
export async function eventsOfCorrelation(dataSource: DataSource, correlationId: string, limit: number): Promise<CorrelatedEvent[]> {
  const rows: OutboxRow[] = await dataSource.query(
    `SELECT event_id, event_type, topic, message_key, event, headers, published_at
       FROM outbox WHERE event->>'correlationId' = $1
      ORDER BY (event->>'occurredAt')::bigint, id LIMIT $2`,
    [correlationId, limit],
  );
  return rows.map((row) => {
    const payload = Object.fromEntries(Object.entries(row.event).filter(([field]) => !ENVELOPE.includes(field)));
    return {
      eventId: row.event_id,
      eventType: row.event_type,
      topic: row.topic,
      key: row.message_key,
      producer: String(row.event.producer),
      causationId: typeof row.event.causationId === 'string' ? row.event.causationId : null,
      occurredAt: new Date(Number(row.event.occurredAt)).toISOString(),
      publishedAt: row.published_at?.toISOString() ?? null,
      traceparent: row.headers.traceparent ?? null,
      payload,
    };
  });
}

import { messageKeyOf, topicOfEvent } from '@tradeflow/events';
import type { EntityManager } from 'typeorm';
import { DEFAULT_MAX_RECORD_BYTES, eventsAsJsonWithinLimit } from '../kafka/record-size';
import type { RememberedTraces } from '../telemetry/correlation-traces';
import { continueCorrelationTraces } from '../telemetry/correlation-traces.queries';
import type { OutboxEntry } from './unit-of-work';

/** Channel the relay LISTENs on; Postgres delivers the NOTIFY only when the transaction commits. */
export const OUTBOX_CHANNEL = 'tradeflow_outbox';

/**
 * Appends events to the outbox inside the caller's transaction, one statement for the lot (which
 * also remembers the traces of correlations seen for the first time, see continueCorrelationTraces).
 * The event is stored as JSON and encoded by the relay, so a registry outage never blocks a write.
 * An event above the size limit is refused here (RecordTooLargeError, failing the transaction):
 * once in the outbox it would block every event after it.
 */
export async function appendToOutbox(
  manager: EntityManager,
  entries: readonly OutboxEntry[],
  maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
  remembered?: RememberedTraces,
): Promise<void> {
  if (entries.length === 0) return;
  const events = entries.map((entry) => entry.event);
  const traced = await continueCorrelationTraces(manager, entries, remembered);
  const json = eventsAsJsonWithinLimit(events, maxRecordBytes);
  // One round trip: the NOTIFY and the traces to remember ride on the insert's statement.
  await manager.query(
    `WITH appended AS (
       INSERT INTO outbox (event_id, topic, message_key, event_type, event, headers)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
     ), remembered AS (
       INSERT INTO correlation_traces (correlation_id, headers)
       SELECT * FROM unnest($8::text[], $9::jsonb[]) ON CONFLICT (correlation_id) DO NOTHING
     )
     SELECT pg_notify($7, '')`,
    [
      events.map((event) => event.eventId),
      events.map((event) => topicOfEvent(event.eventType).name),
      events.map((event) => messageKeyOf(event)),
      events.map((event) => event.eventType),
      json,
      traced.entries.map((entry) => JSON.stringify(entry.headers)),
      OUTBOX_CHANNEL,
      traced.sightings.correlationIds,
      traced.sightings.headers,
    ],
  );
}

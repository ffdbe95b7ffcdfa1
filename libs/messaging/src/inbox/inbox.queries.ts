import type { EntityManager } from 'typeorm';
import type { ConsumedEvent } from '../consumer/consumed-event';
import { recordKeys, recordKeysLocked } from '../consumer/record-key-locks';
import type { RememberedTraces } from '../telemetry/correlation-traces';
import { NO_SIGHTINGS, recordTraceHeaders, rememberedTraces, traceSightings, tracingActive } from '../telemetry/correlation-traces';

export interface InboxClaim {
  /** Event ids seen for the first time: to apply. */
  fresh: Set<string>;
  /** The trace remembered for each correlation of the events, for their outbox entries. */
  traces: RememberedTraces;
}

/**
 * Records events as consumed by `consumer` inside the caller's transaction and returns the ids
 * seen for the first time. An id already in the inbox was applied before: its effects committed
 * with that row, so the caller skips it. The same statement first locks the events' record keys
 * (see recordKeysLocked), so that nothing is applied before the locks are held. It also remembers
 * the trace each correlation first arrived in and reads back those of all the events'
 * correlations (see continueCorrelationTraces): a consumer transaction's fixed cost is the round
 * trips around its handlers, so this one does all it can.
 */
export async function claimInbox(manager: EntityManager, consumer: string, events: readonly ConsumedEvent[]): Promise<InboxClaim> {
  if (events.length === 0) return { fresh: new Set(), traces: new Map() };
  const traced = tracingActive();
  const seen = events.map(({ event, raw }) => ({ correlationId: event.correlationId, headers: recordTraceHeaders(raw.headers) }));
  const sightings = traced ? traceSightings(seen) : NO_SIGHTINGS;
  const rows: { event_id: string | null; correlation_id: string | null; headers: Record<string, string> | null }[] = await manager.query(
    `WITH claimed AS (
       INSERT INTO inbox (event_id, consumer, event_type, topic, partition, "offset")
       SELECT id, $1, type, topic, part, off
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[]) AS t(id, type, topic, part, off)
        WHERE ${recordKeysLocked('$7')}
       ON CONFLICT (event_id, consumer) DO NOTHING
       RETURNING event_id
     ), remembered AS (
       -- Reading 'claimed' first keeps the key locks ahead of every other write.
       INSERT INTO correlation_traces (correlation_id, headers)
       SELECT id, headers FROM unnest($8::text[], $9::jsonb[]) AS t(id, headers) WHERE (SELECT count(*) FROM claimed) >= 0
       ON CONFLICT (correlation_id) DO NOTHING
       RETURNING correlation_id, headers
     )
     SELECT event_id::text, NULL AS correlation_id, NULL::jsonb AS headers FROM claimed
     UNION ALL SELECT NULL, correlation_id, headers FROM remembered
     UNION ALL SELECT NULL, correlation_id, headers FROM correlation_traces WHERE correlation_id = ANY($10::text[])`,
    [
      consumer,
      events.map(({ event }) => event.eventId),
      events.map(({ event }) => event.eventType),
      events.map(({ source }) => source.topic),
      events.map(({ source }) => source.partition),
      events.map(({ source }) => source.offset),
      recordKeys(events.map(({ raw }) => raw.key)),
      sightings.correlationIds,
      sightings.headers,
      traced ? [...new Set(seen.map((sighting) => sighting.correlationId))] : [],
    ],
  );
  const fresh = new Set(rows.flatMap((row) => (row.event_id === null ? [] : [row.event_id])));
  const traces = rememberedTraces(rows.flatMap((row) => (row.correlation_id === null || row.headers === null ? [] : [{ correlation_id: row.correlation_id, headers: row.headers }])));
  return { fresh, traces };
}

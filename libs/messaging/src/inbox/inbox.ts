import type { EntityManager } from 'typeorm';
import type { ConsumedEvent } from '../consumer/consumed-event';
import { recordKeys, recordKeysLocked } from '../consumer/record-key-locks';

/**
 * Records events as consumed by `consumer` inside the caller's transaction and returns the ids
 * seen for the first time. An id already in the inbox was applied before: its effects committed
 * with that row, so the caller skips it. The same statement first locks the events' record keys
 * (see recordKeysLocked), so that nothing is applied before the locks are held.
 */
export async function claimInbox(
  manager: EntityManager,
  consumer: string,
  events: readonly ConsumedEvent[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO inbox (event_id, consumer, event_type, topic, partition, "offset")
     SELECT id, $1, type, topic, part, off
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[]) AS t(id, type, topic, part, off)
      WHERE ${recordKeysLocked('$7')}
     ON CONFLICT (event_id, consumer) DO NOTHING
     RETURNING event_id`,
    [
      consumer,
      events.map(({ event }) => event.eventId),
      events.map(({ event }) => event.eventType),
      events.map(({ source }) => source.topic),
      events.map(({ source }) => source.partition),
      events.map(({ source }) => source.offset),
      recordKeys(events.map(({ raw }) => raw.key)),
    ],
  );
  return new Set(rows.map((row) => row.event_id));
}

import type { EntityManager } from 'typeorm';

/**
 * Takes a transaction-scoped advisory lock on each distinct record key, in one fixed (hash) order,
 * before a batch is applied. Events of one aggregate reach a service on several topics under the
 * same key (an order's reservations, shipments and invoices). Within a replica, key lanes already
 * keep two transactions off the same key, so these locks are free there; they matter between
 * replicas, which own different partitions of those topics: without them two batches touching the
 * same orders would lock their rows in different orders and deadlock, or wait for each other
 * halfway through while holding others' rows. With them a batch that shares a key with a running
 * one waits once, before it starts.
 */
export async function lockRecordKeys(manager: EntityManager, keys: readonly (Buffer | null)[]): Promise<void> {
  const distinct = [...new Set(keys.flatMap((key) => (key ? [key.toString()] : [])))];
  if (distinct.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hash)
       FROM (SELECT DISTINCT hashtextextended(key, 0) AS hash FROM unnest($1::text[]) AS key ORDER BY hash) AS sorted`,
    [distinct],
  );
}

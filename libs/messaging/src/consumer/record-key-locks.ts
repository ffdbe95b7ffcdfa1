/**
 * A condition that takes a transaction-scoped advisory lock on each distinct record key in the
 * text array parameter `keysParameter` (e.g. `$7`), in one fixed (hash) order, and always holds.
 * The inbox claim carries it, so the locks cost no round trip of their own and are taken before
 * any event is applied. Events of one aggregate reach a service on several topics under the same
 * key (an order's reservations, shipments and invoices). Within a replica, key lanes already keep
 * two transactions off the same key, so these locks are free there; they matter between replicas,
 * which own different partitions of those topics: without them two batches touching the same
 * orders would lock their rows in different orders and deadlock, or wait for each other halfway
 * through while holding others' rows. With them a batch that shares a key with a running one waits
 * once, before it starts.
 */
export function recordKeysLocked(keysParameter: string): string {
  // An uncorrelated condition is evaluated once, before the first row; the sorted subquery feeds the aggregate in hash order.
  return `(SELECT count(pg_advisory_xact_lock(hash))
             FROM (SELECT DISTINCT hashtextextended(key, 0) AS hash FROM unnest(${keysParameter}::text[]) AS key ORDER BY hash) AS sorted) >= 0`;
}

/** The distinct keys of the records, as text, for recordKeysLocked; records without a key lock nothing. */
export function recordKeys(keys: readonly (Buffer | null)[]): string[] {
  return [...new Set(keys.flatMap((key) => (key ? [key.toString()] : [])))];
}

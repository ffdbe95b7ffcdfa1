/**
 * Postgres SQLSTATE classes that mean "try again later": connection exceptions (08), operator
 * intervention such as a restart (57P), insufficient resources (53), serialization failure and
 * deadlock (40001, 40P01).
 */
const TRANSIENT_SQLSTATE = /^(08|57P|53|40001|40P01)/;

/**
 * Node, kafkajs and TypeORM errors that mean a dependency is unreachable rather than the record is
 * bad. TypeORM releases a transaction's connection when Postgres drops it; the transaction's next
 * statement then fails with QueryRunnerAlreadyReleasedError (seen in a chaos run's Postgres restart).
 */
const TRANSIENT_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'QueryRunnerAlreadyReleasedError',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Duck-typed rather than `instanceof Error`: errors raised inside Node (a refused socket) come from
 * another realm under Jest's sandbox, and are no less transient for that.
 */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_CODES.has(code))) return true;
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
  const text = typeof message === 'string' ? message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|database system is (shutting down|starting up)/i.test(text);
}

/** Postgres aborted the transaction to resolve a deadlock or a serialization conflict with another one. */
export function isConflict(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

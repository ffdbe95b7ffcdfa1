/**
 * Postgres SQLSTATE classes that mean "try again later": connection exceptions (08), operator
 * intervention such as a restart (57P), insufficient resources (53), serialization failure and
 * deadlock (40001, 40P01).
 */
const TRANSIENT_SQLSTATE = /^(08|57P|53|40001|40P01)/;

/** Node and kafkajs errors that mean a dependency is unreachable rather than the record is bad. */
const TRANSIENT_NAMES = new Set(['KafkaJSConnectionError', 'KafkaJSRequestTimeoutError', 'KafkaJSNumberOfRetriesExceeded']);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: string };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_CODES.has(code))) return true;
  if (TRANSIENT_NAMES.has(error.name)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
}

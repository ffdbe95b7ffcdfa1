import { InvalidEventError, UndecodableEventError } from '@tradeflow/events';
import { RecordTooLargeError } from '../kafka/record-size';

/**
 * Why a record was dead-lettered, as one word an operator can filter on: the codec's reasons for
 * records that cannot be decoded (`not-wire-format`, `unknown-schema-id`, `unknown-event-type`,
 * `incompatible-schema`, `invalid-payload`), `record-too-large`, `invalid-event` for an event a
 * handler tried to publish that fails its schema, and `handler-error` for everything else a handler threw.
 */
export function deadLetterReasonOf(error: unknown): string {
  if (error instanceof UndecodableEventError) return error.reason;
  if (error instanceof RecordTooLargeError) return 'record-too-large';
  if (error instanceof InvalidEventError) return 'invalid-event';
  return 'handler-error';
}

/**
 * Non-errors (a thrown string) become errors, so class, message and stack are always there.
 * Duck-typed: an error raised inside Node is not `instanceof Error` under Jest's sandbox.
 */
export function asError(error: unknown): Error {
  const candidate = error as Partial<Error> | null;
  if (typeof candidate === 'object' && candidate !== null && typeof candidate.message === 'string') {
    return error as Error;
  }
  return new Error(String(error));
}

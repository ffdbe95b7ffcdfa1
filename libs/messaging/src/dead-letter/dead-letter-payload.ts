import type { EventCodec } from '@tradeflow/events';
import { UndecodableEventError } from '@tradeflow/events';
import type { DeadLetter } from './dead-letter';

/** A dead letter's value as a reader sees it: the event as JSON, or null and why not. */
export interface DecodedPayload {
  payload: Record<string, unknown> | null;
  undecodable: string | null;
}

/**
 * Decodes a dead letter's value with the service's codec (the registry resolves its writer schema).
 * A registry that cannot be reached now is said as such: the letter may decode later.
 */
export async function decodePayload(letter: DeadLetter, value: Buffer | null, codec: EventCodec | undefined): Promise<DecodedPayload> {
  if (letter.valueOmitted) return { payload: null, undecodable: 'value too large to keep' };
  if (value === null) return { payload: null, undecodable: 'the record has no value' };
  if (!codec) return { payload: null, undecodable: 'no schema registry to decode with' };
  try {
    return { payload: asJson(await codec.decode(value)), undecodable: null };
  } catch (error) {
    if (error instanceof UndecodableEventError) return { payload: null, undecodable: `${error.reason}: ${error.message}` };
    return { payload: null, undecodable: `not decoded now: ${(error as Error).message}` };
  }
}

/** The decoded event as plain JSON (the schemas have no bytes; longs are numbers within 2^53). */
function asJson(event: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

import { PayloadTooLargeException } from '@nestjs/common';
import type { DomainEvent } from '@tradeflow/events';

/** Used where no setting is at hand; MessagingSettings.KAFKA_MAX_RECORD_BYTES has the same default. */
export const DEFAULT_MAX_RECORD_BYTES = 1_000_000;

/**
 * An event or record above the size limit. Permanent: retrying cannot shrink it. A Nest HTTP
 * exception, so a request whose work would publish it is answered 413 instead of 500.
 */
export class RecordTooLargeError extends PayloadTooLargeException {
  override readonly name = 'RecordTooLargeError';

  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number,
    what: string,
  ) {
    super(`${what} is ${sizeBytes} bytes, above the limit of ${limitBytes} (KAFKA_MAX_RECORD_BYTES)`);
  }
}

/**
 * The events as JSON (what the outbox stores), refusing before anything is written an event the
 * broker or a consumer would refuse later. The JSON size is measured: it is never smaller than the
 * Avro encoding, so what passes here fits on Kafka.
 */
export function eventsAsJsonWithinLimit(events: readonly DomainEvent[], limitBytes: number): string[] {
  return events.map((event) => {
    const json = JSON.stringify(event);
    const size = Buffer.byteLength(json);
    if (size > limitBytes) throw new RecordTooLargeError(size, limitBytes, `${event.eventType} ${event.eventId}`);
    return json;
  });
}

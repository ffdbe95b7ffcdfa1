import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { RawRecord } from '../consumer/consumed-event';
import { DEFAULT_MAX_RECORD_BYTES } from '../kafka/record-size';
import type { FailureDetails } from './dead-letter-headers';
import { deadLetterHeaders, DLQ_HEADER } from './dead-letter-headers';
import { asError, deadLetterReasonOf } from './dead-letter-reason';
import { messagingMetrics } from '../telemetry/messaging-metrics';

/**
 * Sends a record the consumer cannot apply to `<consumer-group>.dlq`, byte for byte, with headers
 * saying why, where from and when, so it can be inspected and replayed after a fix. A value above
 * the record size limit is left out (its size is in a header) so the dead letter itself always fits.
 */
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(
    private readonly producer: Producer,
    readonly topic: string,
    private readonly consumer: string,
    private readonly maxValueBytes = DEFAULT_MAX_RECORD_BYTES,
  ) {}

  async publish(record: RawRecord, failure: FailureDetails): Promise<void> {
    const headers = deadLetterHeaders(record, failure, this.consumer);
    let value = record.value;
    if (value && value.length > this.maxValueBytes) {
      headers[DLQ_HEADER.valueOmittedBytes] = String(value.length);
      value = null;
    }
    await this.producer.send({ topic: this.topic, messages: [{ key: record.key, value, headers }] });
    const error = asError(failure.error);
    messagingMetrics.deadLettered(deadLetterReasonOf(failure.error));
    this.logger.warn({
      msg: 'record dead-lettered',
      deadLetterTopic: this.topic,
      ...record.source,
      reason: deadLetterReasonOf(failure.error),
      errorClass: error.name,
      error: error.message,
      attempts: failure.attempts,
    });
  }
}

import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { RawRecord } from '../consumer/consumed-event';

export interface DeadLetterReason {
  error: unknown;
  attempts: number;
  firstFailureAt: Date;
}

const STACK_LIMIT = 2000;

/**
 * Sends a record the consumer cannot apply to `<consumer-group>.dlq`, byte for byte, with headers
 * saying why, where from and when, so it can be inspected and replayed after a fix.
 */
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly consumer: string,
  ) {}

  async publish(record: RawRecord, reason: DeadLetterReason): Promise<void> {
    const error = reason.error instanceof Error ? reason.error : new Error(String(reason.error));
    const headers = {
      ...record.headers,
      'dlq-original-topic': record.source.topic,
      'dlq-original-partition': String(record.source.partition),
      'dlq-original-offset': record.source.offset,
      'dlq-original-key': record.key?.toString('utf8') ?? '',
      'dlq-error-class': error.name,
      'dlq-error-message': error.message,
      'dlq-error-stack': (error.stack ?? '').slice(0, STACK_LIMIT),
      'dlq-attempts': String(reason.attempts),
      'dlq-first-failure-at': reason.firstFailureAt.toISOString(),
      'dlq-last-failure-at': new Date().toISOString(),
      'dlq-consumer': this.consumer,
    };
    await this.producer.send({ topic: this.topic, messages: [{ key: record.key, value: record.value, headers }] });
    this.logger.warn({
      msg: 'record dead-lettered',
      deadLetterTopic: this.topic,
      ...record.source,
      errorClass: error.name,
      error: error.message,
    });
  }
}

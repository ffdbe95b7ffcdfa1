import type { DomainEvent } from '@tradeflow/events';
import { EventCodec, messageKeyOf, topicOfEvent } from '@tradeflow/events';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { subscribeWhenReady } from '@tradeflow/messaging';

/** A topic prefix of its own per test suite, so suites sharing one broker never see each other's records. */
export function uniqueTopicPrefix(): string {
  return `test-${randomUUID().slice(0, 8)}.`;
}

export interface ReceivedRecord {
  topic: string;
  key: string | null;
  value: Buffer;
  headers: IHeaders;
}

/**
 * Real Kafka access for tests that act as another system: publish events onto a service's input
 * topic, or read what a service published, without going through libs/messaging.
 */
export class TestKafka {
  private readonly kafka: Kafka;
  readonly codec: EventCodec;

  constructor(
    private readonly prefix: string,
    brokers = requiredEnv('KAFKA_BROKERS'),
    registryUrl = requiredEnv('SCHEMA_REGISTRY_URL'),
  ) {
    this.kafka = new Kafka({ clientId: 'tradeflow-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    this.codec = new EventCodec({ registryUrl });
  }

  topicOf(event: DomainEvent): string {
    return this.prefix + topicOfEvent(event.eventType).name;
  }

  /** Keyed as their producers key them unless `key` says otherwise. */
  async publish(events: DomainEvent[], key: (event: DomainEvent) => string = messageKeyOf): Promise<void> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    try {
      for (const event of events) {
        const topic = this.topicOf(event);
        await producer.send({ topic, messages: [{ key: key(event), value: await this.codec.encode(event, topic) }] });
      }
    } finally {
      await producer.disconnect();
    }
  }

  async publishRaw(topic: string, value: Buffer, key = 'raw'): Promise<void> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    try {
      await producer.send({ topic: this.prefix + topic, messages: [{ key, value }] });
    } finally {
      await producer.disconnect();
    }
  }

  /** Reads `topic` from the beginning until `done` says enough arrived, or fails after `timeoutMs`. */
  async readUntil(
    topic: string,
    done: (records: ReceivedRecord[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<ReceivedRecord[]> {
    const consumer = this.kafka.consumer({ groupId: `reader-${randomUUID()}` });
    const records: ReceivedRecord[] = [];
    await consumer.connect();
    try {
      await subscribeWhenReady(consumer, [this.prefix + topic]);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${records.length} records on ${this.prefix + topic} after ${timeoutMs} ms`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ topic: from, message }) => {
            records.push(toRecord(from, message));
            if (done(records)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      return records;
    } finally {
      await consumer.disconnect();
    }
  }
}

function toRecord(topic: string, message: KafkaMessage): ReceivedRecord {
  return { topic, key: message.key?.toString() ?? null, value: message.value ?? Buffer.alloc(0), headers: message.headers ?? {} };
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest's integration project`);
  return value;
}

import type { DomainEvent, EventOfType, EventType } from '@tradeflow/events';
import { EventCodec, topicOfEvent } from '@tradeflow/events';
import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * Reads one event type from its topic, as another system would: a consumer group of its own from
 * the beginning, other types skipped by their `event-type` header without decoding.
 */
export class EventTap<T extends EventType> {
  private consumer?: Consumer;
  private readonly codec: EventCodec;

  constructor(
    private readonly kafka: Kafka,
    registryUrl: string,
    private readonly prefix: string,
    private readonly type: T,
    private readonly onEvent: (event: EventOfType<T>, seenAt: number) => void,
  ) {
    this.codec = new EventCodec({ registryUrl });
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: `bench-tap-${randomUUID()}` });
    this.consumer = consumer;
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [this.prefix + topicOfEvent(this.type).name], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const seenAt = performance.now();
        for (const message of batch.messages) {
          if (message.headers?.['event-type']?.toString() !== this.type || !message.value) continue;
          const event: DomainEvent = await this.codec.decode(message.value);
          this.onEvent(event as EventOfType<T>, seenAt);
        }
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

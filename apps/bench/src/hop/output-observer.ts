import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER } from './hop-events';

/**
 * Reads a contender's output topic from the beginning in a group of its own and notes when each
 * output arrives, matched to its input by the correlation header (no decoding, so the observer
 * costs the same for JSON and Avro).
 */
export class OutputObserver {
  /** performance.now() of every output record, in arrival order. */
  readonly arrivals: number[] = [];
  readonly latencies: number[] = [];
  private readonly copies = new Map<string, number>();
  private readonly sentAt = new Map<string, number>();
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  /** Resolves once the observer holds its partitions, so no output's arrival is noted late. */
  async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: `bench-observer-${randomUUID()}` });
    this.consumer = consumer;
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        for (const message of batch.messages) this.arrived(message.headers?.[CORRELATION_HEADER]?.toString(), now);
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** Latency is measured for inputs announced here (the latency phase), from send to output seen. */
  expect(correlationId: string, sentAt: number): void {
    this.sentAt.set(correlationId, sentAt);
  }

  get outputs(): number {
    return this.arrivals.length;
  }

  /** Inputs that produced at least one output. */
  get distinct(): number {
    return this.copies.size;
  }

  /** Waits until no output has arrived for `quietMs` (after a contender stopped, its last outputs are in flight). */
  async settle(quietMs = 500): Promise<void> {
    let last = -1;
    while (last !== this.outputs) {
      last = this.outputs;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  private arrived(correlationId: string | undefined, now: number): void {
    this.arrivals.push(now);
    if (!correlationId) return;
    this.copies.set(correlationId, (this.copies.get(correlationId) ?? 0) + 1);
    const sentAt = this.sentAt.get(correlationId);
    if (sentAt !== undefined) {
      this.latencies.push(now - sentAt);
      this.sentAt.delete(correlationId);
    }
  }
}

import type { OrderApproved } from '@tradeflow/events';
import type { Kafka, Message, Producer } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { approvedOrder } from './hop-events';

export type Encode = (event: OrderApproved) => Promise<Buffer> | Buffer;

const CHUNK = 2000;
const TICK_MS = 5;

/** Produces OrderApproved inputs, keyed by order id: a preload as fast as possible, or a fixed rate. */
export class InputFeeder {
  sent = 0;
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly encode: Encode,
  ) {
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async preload(count: number): Promise<void> {
    for (let done = 0; done < count; done += CHUNK) {
      const events = Array.from({ length: Math.min(CHUNK, count - done) }, approvedOrder);
      await this.send(await this.messages(events));
    }
  }

  /**
   * Open model: every TICK_MS sends what is due by then, without waiting for earlier sends, so a
   * slow contender cannot slow the arrivals. `onSend` gets each input just before it is sent.
   */
  async atRate(rate: number, seconds: number, onSend: (event: OrderApproved, sentAt: number) => void): Promise<number> {
    const total = Math.round(rate * seconds);
    const start = performance.now();
    const sends: Promise<void>[] = [];
    let count = 0;
    while (count < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      if (due > count) {
        const events = Array.from({ length: due - count }, approvedOrder);
        count = due;
        const messages = await this.messages(events);
        const now = performance.now();
        for (const event of events) onSend(event, now);
        sends.push(this.send(messages));
      }
      await sleep(TICK_MS);
    }
    const elapsedSeconds = (performance.now() - start) / 1000;
    await Promise.all(sends);
    return total / elapsedSeconds;
  }

  private async messages(events: OrderApproved[]): Promise<Message[]> {
    return Promise.all(events.map(async (event) => ({ key: event.orderId, value: await this.encode(event) })));
  }

  private async send(messages: Message[]): Promise<void> {
    await this.producer.send({ topic: this.topic, messages });
    this.sent += messages.length;
  }
}

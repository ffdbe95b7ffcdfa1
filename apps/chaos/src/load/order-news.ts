import type { EventType } from '@tradeflow/events';
import { topicOfEvent } from '@tradeflow/events';
import type { Consumer } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * News comes in bursts (two shipments labelled at once, a delivery then the order completing) and
 * often before the order's own view has taken it in: wait a moment, then read once.
 */
const SETTLE_MS = 300;
/** What a journey waits for before its next step: something to dispatch, deliver, pay or receive, or its end. */
const NEWS: ReadonlySet<string> = new Set<EventType>([
  'ShipmentLabelled',
  'ShipmentLabelFailed',
  'ShipmentDispatched',
  'InvoiceIssued',
  'ReturnRequested',
  'CreditNoteIssued',
  'OrderCompleted',
  'OrderCancelled',
]);
const NEWS_TOPICS = [...new Set([...NEWS].map((type) => topicOfEvent(type as EventType).name))];

/**
 * Tells waiting journeys that something happened to their order, as a shop or warehouse listening
 * to Tradeflow's topics would learn it. Only the event-type header and the message key (the order
 * id on these topics) are read, so nothing is decoded; what happened is then read from the APIs.
 * A journey without news still looks on its own after a while, so a record this consumer misses
 * (say, during a broker restart) delays an order but never strands it.
 */
export class OrderNews {
  /** Consumer crashes (each followed by kafkajs' own restart), for the report. */
  crashes = 0;
  private readonly waiting = new Map<string, { wake: () => void; settling: boolean }>();
  private consumer?: Consumer;

  constructor(private readonly kafkaBrokers: string) {}

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: 'chaos-order-news', brokers: this.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `chaos-order-news-${randomUUID()}` });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, () => this.crashes++);
    await consumer.connect();
    await consumer.subscribe({ topics: NEWS_TOPICS, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const type = message.headers?.['event-type']?.toString();
          if (type && NEWS.has(type) && message.key) this.arrived(message.key.toString());
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** Resolves after `ms`, or shortly after news of the order arrives, whichever is first. */
  wait(orderId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        if (this.waiting.get(orderId) === waiter) this.waiting.delete(orderId);
        resolve();
      };
      const timer = setTimeout(end, ms);
      const waiter = { settling: false, wake: end };
      this.waiting.set(orderId, waiter);
    });
  }

  private arrived(orderId: string): void {
    const waiter = this.waiting.get(orderId);
    if (!waiter || waiter.settling) return;
    waiter.settling = true;
    setTimeout(waiter.wake, SETTLE_MS);
  }
}

import type { ObservableResult } from '@opentelemetry/api';
import { metrics } from '@opentelemetry/api';
import type { OutboxStatus } from '../outbox/outbox-relay';

const meter = metrics.getMeter('tradeflow.messaging');

/** What a consumed event came to: applied, already applied (inbox), or failed (retried or dead-lettered). */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'failed';

const consumed = meter.createCounter('tradeflow.events.consumed', { description: 'Events consumed, by type and outcome' });
const produced = meter.createCounter('tradeflow.events.produced', { description: 'Events published to Kafka by the outbox relay, by type' });
const deadLettered = meter.createCounter('tradeflow.dead_letters', { description: 'Records sent to the dead-letter topic, by reason' });
const handlerDuration = meter.createHistogram('tradeflow.event.handler.duration', {
  description: 'Time to apply one consumed event (handler, inbox and outbox writes), by type',
  unit: 's',
  advice: { explicitBucketBoundaries: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] },
});

export const messagingMetrics = {
  consumed(eventType: string, outcome: ConsumeOutcome): void {
    consumed.add(1, { event_type: eventType, outcome });
  },
  produced(eventType: string): void {
    produced.add(1, { event_type: eventType });
  },
  deadLettered(reason: string): void {
    deadLettered.add(1, { reason });
  },
  handled(eventType: string, seconds: number): void {
    handlerDuration.record(seconds, { event_type: eventType });
  },
};

/** Consumer lag per partition: records on the broker not yet processed by this consumer, as of its last batch. */
export class ConsumerLag {
  private readonly lag = new Map<string, { topic: string; partition: number; lag: number }>();

  constructor(consumerGroup: string) {
    meter
      .createObservableGauge('tradeflow.consumer.lag', { description: 'Records behind the end of the partition, per partition' })
      .addCallback((result: ObservableResult) => {
        for (const { topic, partition, lag } of this.lag.values()) {
          result.observe(lag, { topic, partition: String(partition), consumer_group: consumerGroup });
        }
      });
  }

  /** `lastOffset` was the last record handled in a batch whose partition ends at `highWatermark`. */
  record(topic: string, partition: number, highWatermark: string, lastOffset: string): void {
    this.lag.set(`${topic}:${partition}`, { topic, partition, lag: Math.max(0, Number(highWatermark) - Number(lastOffset) - 1) });
  }
}

/** The outbox backlog and the age of its oldest row, read from the database at each scrape. */
export function observeOutbox(status: () => Promise<OutboxStatus>): void {
  const backlog = meter.createObservableGauge('tradeflow.outbox.backlog', { description: 'Outbox rows not yet on Kafka' });
  const age = meter.createObservableGauge('tradeflow.outbox.oldest_age', { description: 'Age of the oldest unpublished outbox row', unit: 's' });
  meter.addBatchObservableCallback(
    async (result) => {
      const current = await status().catch(() => undefined);
      if (!current) return;
      result.observe(backlog, current.count);
      result.observe(age, current.oldestAgeSeconds);
    },
    [backlog, age],
  );
}

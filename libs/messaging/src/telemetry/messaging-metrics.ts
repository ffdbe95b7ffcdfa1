import type { Attributes } from '@opentelemetry/api';
import { metrics } from '@opentelemetry/api';
import type { UndecodableReason } from '@tradeflow/events';

const meter = metrics.getMeter('tradeflow.messaging');

/** What a consumed event came to: applied, already applied (inbox), or failed (retried or dead-lettered). */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'failed';
const OUTCOMES: readonly ConsumeOutcome[] = ['applied', 'duplicate', 'failed'];

/** Why a partition paused to try a record again: a dependency was away, or the event's handler failed (counts toward dead-lettering). */
export type RetryCause = 'dependency-unavailable' | 'event-failed';
const RETRY_CAUSES: readonly RetryCause[] = ['dependency-unavailable', 'event-failed'];

// A Record so that a new undecodable reason fails to compile until it is listed here too.
const UNDECODABLE: Record<UndecodableReason, true> = {
  'not-wire-format': true,
  'unknown-schema-id': true,
  'unknown-event-type': true,
  'incompatible-schema': true,
  'invalid-payload': true,
};
/** Every value deadLetterReasonOf can give. */
const DEAD_LETTER_REASONS = [...Object.keys(UNDECODABLE), 'record-too-large', 'invalid-event', 'handler-error'];

const consumed = meter.createCounter('tradeflow.events.consumed', { description: 'Events consumed, by type and outcome' });
const produced = meter.createCounter('tradeflow.events.produced', { description: 'Events published to Kafka by the outbox relay, by type' });
const deadLettered = meter.createCounter('tradeflow.dead_letters', { description: 'Records sent to the dead-letter topic, by reason' });
const retries = meter.createCounter('tradeflow.consumer.retries', {
  description: 'Times a partition paused on a record to try it again, by topic and cause',
});
const handlerDuration = meter.createHistogram('tradeflow.event_handler.duration_seconds', {
  description: 'Time to apply one consumed event (handler, inbox and outbox writes), by type',
  unit: 's',
  advice: { explicitBucketBoundaries: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] },
});

/**
 * Counters exist only from their first increment, but `rate()` and `increase()` need a 0 before
 * it: the first dead letter would otherwise be invisible to an alert. So each counter's label sets
 * that the service can produce are declared at start.
 */
export const messagingMetrics = {
  declareProducer(eventTypes: readonly string[]): void {
    for (const eventType of eventTypes) produced.add(0, { event_type: eventType });
    for (const reason of DEAD_LETTER_REASONS) deadLettered.add(0, { reason });
  },
  declareConsumer(consumerGroup: string, eventTypes: readonly string[], topics: readonly string[]): void {
    for (const eventType of eventTypes) for (const outcome of OUTCOMES) consumed.add(0, { event_type: eventType, outcome });
    for (const topic of topics) for (const cause of RETRY_CAUSES) retries.add(0, { consumer_group: consumerGroup, topic, cause });
  },
  consumed(eventType: string, outcome: ConsumeOutcome): void {
    consumed.add(1, { event_type: eventType, outcome });
  },
  produced(eventType: string): void {
    produced.add(1, { event_type: eventType });
  },
  deadLettered(reason: string): void {
    deadLettered.add(1, { reason });
  },
  retried(consumerGroup: string, topic: string, cause: RetryCause): void {
    retries.add(1, { consumer_group: consumerGroup, topic, cause });
  },
  handled(eventType: string, seconds: number): void {
    handlerDuration.record(seconds, { event_type: eventType });
  },
};

/** A gauge read when Prometheus scrapes; `observe` yields its values with their labels. */
export type Observation = [value: number, attributes: Attributes];

export interface GaugeDefinition {
  name: string;
  description: string;
  unit?: string;
}

/**
 * Gauges filled by one callback at each scrape (one database or broker round trip for all of them).
 * A gauge whose value could not be read is left out of that scrape. Returns the function that
 * stops observing (at shutdown: a service closed in a test must not be asked again).
 */
export function observeGauges<K extends string>(
  definitions: Record<K, GaugeDefinition>,
  read: () => Promise<Partial<Record<K, Observation[]>>>,
): () => void {
  const gauges = Object.fromEntries(
    Object.entries<GaugeDefinition>(definitions).map(([key, { name, ...options }]) => [key, meter.createObservableGauge(name, options)]),
  ) as Record<K, ReturnType<typeof meter.createObservableGauge>>;
  const callback = async (result: { observe(gauge: (typeof gauges)[K], value: number, attributes?: Attributes): void }) => {
    const values = await read();
    for (const key of Object.keys(values) as K[]) {
      for (const [value, attributes] of values[key] ?? []) result.observe(gauges[key], value, attributes);
    }
  };
  const observables = Object.values(gauges) as (typeof gauges)[K][];
  meter.addBatchObservableCallback(callback, observables);
  return () => meter.removeBatchObservableCallback(callback, observables);
}

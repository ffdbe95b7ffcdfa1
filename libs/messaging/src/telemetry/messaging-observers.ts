import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ServiceName } from '@tradeflow/events';
import { EVENT_TYPES, publishesTo, topicOfEvent } from '@tradeflow/events';
import type { KafkaEventTransport } from '../nest/kafka-event-transport';
import type { OutboxRelay } from '../outbox/outbox-relay';
import type { ConsumerLagReader } from './consumer-lag-reader';
import type { Observation } from './messaging-metrics';
import { messagingMetrics, observeGauges } from './messaging-metrics';

/**
 * What Prometheus reads at each scrape beside the counters: the outbox (from the database), and
 * the consumer group as the broker sees it — lag from committed offsets against the partitions'
 * ends (so a crashed, stopped or paused consumer shows it growing), partitions paused on a failing
 * record, and whether the broker answered at all. Kafka trouble shows here, not in readiness: the
 * outbox keeps the service writing while the broker is away.
 */
export class MessagingObservers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly serviceName: ServiceName,
    private readonly relay: OutboxRelay,
    private readonly transport: KafkaEventTransport,
    private readonly lagReader: ConsumerLagReader,
  ) {}

  onApplicationBootstrap(): void {
    messagingMetrics.declareProducer(EVENT_TYPES.filter((type) => publishesTo(this.serviceName, topicOfEvent(type))));
    this.stops.push(
      observeGauges(
        {
          backlog: { name: 'tradeflow.outbox.backlog', description: 'Outbox rows not yet on Kafka' },
          oldestAge: { name: 'tradeflow.outbox.oldest_age_seconds', description: 'Age of the oldest unpublished outbox row', unit: 's' },
        },
        async () => {
          const status = await this.relay.status().catch(() => undefined);
          return status ? { backlog: [[status.count, {}]], oldestAge: [[status.oldestAgeSeconds, {}]] } : {};
        },
      ),
      observeGauges(
        {
          lag: { name: 'tradeflow.consumer.lag', description: "Records after the group's committed offset, per partition (read from the broker)" },
          paused: { name: 'tradeflow.consumer.partitions_paused', description: 'Partitions of this replica paused on a failing record, per topic' },
          reachable: { name: 'tradeflow.kafka.reachable', description: '1 when the broker answered the lag read of this scrape, else 0' },
        },
        () => this.consumerGroup(),
      ),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private async consumerGroup(): Promise<Record<'lag' | 'paused' | 'reachable', Observation[]>> {
    const group = { consumer_group: this.lagReader.groupId };
    const paused = new Map(this.transport.subscribedTopics().map((topic) => [topic, 0]));
    for (const { topic } of this.transport.consumerStatus().retrying) paused.set(topic, (paused.get(topic) ?? 0) + 1);
    const read = await this.lagReader.read().catch(() => undefined);
    return {
      lag: (read?.lag ?? []).map(({ topic, partition, records }) => [records, { ...group, topic, partition: String(partition) }]),
      paused: [...paused].map(([topic, count]) => [count, { ...group, topic }]),
      reachable: [[read ? 1 : 0, group]],
    };
  }
}

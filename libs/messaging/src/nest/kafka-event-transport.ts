import { Logger } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import type { EventCodec, EventType, ServiceName } from '@tradeflow/events';
import type { Kafka, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { ConsumedEvent } from '../consumer/consumed-event';
import type { ConsumerStatus, EventConsumerOptions } from '../consumer/event-consumer';
import { EventConsumer } from '../consumer/event-consumer';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { claimInbox } from '../inbox/inbox.queries';
import type { TopicNames } from '../kafka/topic-names';
import { commitUnits } from '../outbox/commit-units.queries';
import { UnitOfWork } from '../outbox/unit-of-work';
import { messagingMetrics } from '../telemetry/messaging-metrics';
import { inProcessSpan } from '../telemetry/messaging-spans';
import { untilReachable } from './dependency-retries';
import { EventContext } from './event-context';

/** The consumer's options but its group id and topics, which the transport derives from the handlers. */
export interface EventTransportOptions extends Omit<EventConsumerOptions, 'groupId' | 'topics'> {
  serviceName: ServiceName;
  consumerGroup: string;
  /** The lifecycle's connection to the broker (see MessagingLifecycle). */
  broker: { isReached(): boolean; reached(): Promise<void>; target: string };
}

/**
 * Nest custom transport: `@EventPattern('OrderApproved')` methods become Kafka consumers of the
 * topic that carries that event. Each part of a batch the consumer hands over (one key lane's
 * records) runs in one transaction of as few round trips as it can: lock its record keys, record
 * the inbox and the traces (one statement), apply the handlers, insert the rows they left for
 * later, append their events to the outbox (one statement).
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;
  private closed = false;
  private readonly log = new Logger(KafkaEventTransport.name);

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly codec: EventCodec,
    private readonly dataSource: DataSource,
    private readonly topicNames: TopicNames,
    private readonly options: EventTransportOptions,
  ) {
    super();
  }

  /** The catalogue topics this service's handlers read. */
  subscribedTopics(): string[] {
    const types = [...this.messageHandlers.keys()] as EventType[];
    return [...new Set(types.map((type) => this.topicNames.forEvent(type)))];
  }

  listen(callback: (error?: unknown) => void): void {
    // With the broker reached at start the consumer joins before the app serves; without it the app
    // serves now (writes wait in the outbox) and the consumer joins once the broker is reached.
    const { broker } = this.options;
    if (broker.isReached()) {
      this.start().then(() => callback(), callback);
      return;
    }
    callback();
    const attempt = () => this.start().catch(async (error: unknown) => {
      await this.consumer?.stop();
      this.consumer = undefined;
      throw error;
    });
    void broker
      .reached()
      .then(() => untilReachable({ name: 'kafka', target: broker.target }, attempt, this.log, () => this.closed))
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaEventTransport emits no status events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Where the consumer stands: partitions waiting to retry a failing record. */
  consumerStatus(): ConsumerStatus {
    return this.consumer?.status() ?? { groupId: this.options.consumerGroup, running: false, retrying: [] };
  }

  private async start(): Promise<void> {
    const catalogueTopics = this.subscribedTopics();
    if (catalogueTopics.length === 0) return;
    const { consumerGroup } = this.options;
    // Replayed dead letters arrive on the group's own retry topic and are applied like the originals.
    const topics = [...catalogueTopics, this.topicNames.retry(consumerGroup)];
    const deadLetterTopic = this.topicNames.deadLetter(consumerGroup);
    const deadLetters = new DeadLetterPublisher(this.producer, deadLetterTopic, consumerGroup, this.options.maxRecordBytes);
    this.consumer = new EventConsumer(this.kafka, this.codec, deadLetters, (events) => this.applyBatch(events), {
      ...this.options,
      groupId: this.topicNames.consumerGroupId(consumerGroup),
      topics,
    });
    messagingMetrics.declareConsumer(this.topicNames.consumerGroupId(consumerGroup), [...this.messageHandlers.keys()], topics);
    await this.consumer.start();
  }

  private applyBatch(batch: ConsumedEvent[]): Promise<void> {
    const handled = batch.filter(({ event }) => this.messageHandlers.has(event.eventType));
    return this.dataSource.transaction(async (manager) => {
      const { fresh, traces } = await claimInbox(manager, this.options.consumerGroup, handled);
      const units: UnitOfWork[] = [];
      const outcomes: [string, 'applied' | 'duplicate'][] = [];
      for (const consumed of handled) {
        const { eventType, eventId } = consumed.event;
        if (!fresh.delete(eventId)) {
          outcomes.push([eventType, 'duplicate']);
          continue;
        }
        const unit = new UnitOfWork(manager, {
          producer: this.options.serviceName,
          correlationId: consumed.event.correlationId,
          causationId: eventId,
        });
        const started = performance.now();
        await inProcessSpan(consumed, this.options.consumerGroup, async () => {
          await this.dispatch(consumed, unit);
          this.log.debug({ msg: 'event applied', ...consumed.source, published: unit.events.map((event) => event.eventType) });
        });
        messagingMetrics.handled(eventType, (performance.now() - started) / 1000);
        outcomes.push([eventType, 'applied']);
        units.push(unit);
      }
      await commitUnits(manager, units, this.options.maxRecordBytes, traces);
      return outcomes;
    }).then(
      (outcomes) => outcomes.forEach(([eventType, outcome]) => messagingMetrics.consumed(eventType, outcome)),
      (error: unknown) => {
        for (const { event } of handled) messagingMetrics.consumed(event.eventType, 'failed');
        throw error;
      },
    );
  }

  private async dispatch(consumed: ConsumedEvent, unit: UnitOfWork): Promise<void> {
    // The map directly: getHandlerByPattern first tries JSON.parse on the pattern, which throws for every event.
    const handler = this.messageHandlers.get(consumed.event.eventType);
    if (!handler) return;
    const result = await handler(consumed.event, new EventContext([consumed, unit]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}

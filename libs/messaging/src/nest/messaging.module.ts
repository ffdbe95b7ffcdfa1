import type { DynamicModule, Provider } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { EventCodec } from '@tradeflow/events';
import type { ServiceName } from '@tradeflow/events';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { MessagingSettings } from '../config/messaging-settings';
import { createKafka } from '../kafka/create-kafka';
import { TopicNames } from '../kafka/topic-names';
import { DeadLetters } from '../dead-letter/dead-letters';
import { OutboxRelay } from '../outbox/outbox-relay';
import { RetentionSweeper } from '../retention/retention-sweeper';
import { longestRetentionMs } from '../kafka/topic-retention';
import { ConsumerLagReader } from '../telemetry/consumer-lag-reader';
import { MessagingObservers } from '../telemetry/messaging-observers';
import { MAX_RECORD_BYTES, TransactionRunner } from '../outbox/transaction-runner';
import { KafkaEventTransport } from './kafka-event-transport';
import { MessagingLifecycle } from './messaging-lifecycle';

const KAFKA = Symbol('KAFKA');
const PRODUCER = Symbol('PRODUCER');

export interface MessagingModuleOptions {
  serviceName: ServiceName;
  settings: MessagingSettings;
}

/**
 * Everything a service needs to publish and consume events: the outbox (TransactionRunner), the
 * relay, the Kafka transport for `@EventPattern` handlers, its dead letters, and the gauges read at each scrape.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot({ serviceName, settings }: MessagingModuleOptions): DynamicModule {
    const consumerGroup = settings.KAFKA_CONSUMER_GROUP ?? serviceName;
    const topicNames = new TopicNames(settings.KAFKA_TOPIC_PREFIX);
    const providers: Provider[] = [
      { provide: TopicNames, useValue: topicNames },
      { provide: KAFKA, useFactory: () => createKafka(settings, serviceName) },
      {
        provide: PRODUCER,
        inject: [KAFKA],
        useFactory: (kafka: Kafka) => kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      },
      {
        provide: EventCodec,
        useFactory: () =>
          new EventCodec({
            registryUrl: settings.SCHEMA_REGISTRY_URL,
            auth: settings.SCHEMA_REGISTRY_USERNAME
              ? { username: settings.SCHEMA_REGISTRY_USERNAME, password: settings.SCHEMA_REGISTRY_PASSWORD }
              : undefined,
            autoRegister: settings.SCHEMA_AUTO_REGISTER,
          }),
      },
      {
        provide: OutboxRelay,
        inject: [DataSource, PRODUCER, EventCodec],
        useFactory: (dataSource: DataSource, producer: Producer, codec: EventCodec) =>
          new OutboxRelay(dataSource, producer, codec, topicNames, {
            pollIntervalMs: settings.OUTBOX_POLL_INTERVAL_MS,
            batchSize: settings.OUTBOX_BATCH_SIZE,
            maxRequestBytes: settings.KAFKA_MAX_RECORD_BYTES,
          }),
      },
      {
        provide: KafkaEventTransport,
        inject: [KAFKA, PRODUCER, EventCodec, DataSource, MessagingLifecycle],
        useFactory: (kafka: Kafka, producer: Producer, codec: EventCodec, dataSource: DataSource, lifecycle: MessagingLifecycle) =>
          new KafkaEventTransport(kafka, producer, codec, dataSource, topicNames, {
            serviceName,
            consumerGroup,
            broker: lifecycle.broker,
            maxAttempts: settings.CONSUMER_MAX_ATTEMPTS,
            partitionsConsumedConcurrently: settings.CONSUMER_PARTITIONS_CONCURRENTLY,
            retry: { initialMs: settings.CONSUMER_RETRY_INITIAL_MS, maxMs: settings.CONSUMER_RETRY_MAX_MS },
            maxRecordBytes: settings.KAFKA_MAX_RECORD_BYTES,
            maxBytesPerPartition: settings.CONSUMER_MAX_BYTES_PER_PARTITION,
            maxBytes: settings.CONSUMER_MAX_BYTES,
            maxWaitTimeInMs: settings.CONSUMER_MAX_WAIT_MS,
            transactionTargetMs: settings.CONSUMER_TRANSACTION_TARGET_MS,
            keyLanes: settings.CONSUMER_KEY_LANES,
            sessionTimeout: settings.KAFKA_SESSION_TIMEOUT_MS,
            heartbeatInterval: settings.KAFKA_HEARTBEAT_INTERVAL_MS,
          }),
      },
      {
        provide: DeadLetters,
        inject: [KAFKA, PRODUCER, EventCodec],
        useFactory: (kafka: Kafka, producer: Producer, codec: EventCodec) =>
          new DeadLetters(
            kafka,
            producer,
            topicNames.deadLetter(consumerGroup),
            topicNames.retry(consumerGroup),
            topicNames.consumerGroupId(consumerGroup),
            codec,
          ),
      },
      {
        provide: ConsumerLagReader,
        inject: [KAFKA, KafkaEventTransport],
        useFactory: (kafka: Kafka, transport: KafkaEventTransport) =>
          new ConsumerLagReader(kafka, topicNames.consumerGroupId(consumerGroup), () => transport.subscribedTopics()),
      },
      {
        provide: MessagingObservers,
        inject: [OutboxRelay, KafkaEventTransport, ConsumerLagReader],
        useFactory: (relay: OutboxRelay, transport: KafkaEventTransport, lagReader: ConsumerLagReader) =>
          new MessagingObservers(serviceName, relay, transport, lagReader),
      },
      {
        provide: RetentionSweeper,
        inject: [DataSource, KAFKA, KafkaEventTransport],
        useFactory: (dataSource: DataSource, kafka: Kafka, transport: KafkaEventTransport) =>
          new RetentionSweeper(
            dataSource,
            {
              inboxRetentionDays: settings.INBOX_RETENTION_DAYS,
              outboxRetentionDays: settings.OUTBOX_RETENTION_DAYS,
              intervalMs: settings.RETENTION_INTERVAL_SECONDS * 1000,
              batchSize: settings.RETENTION_BATCH_SIZE,
            },
            () => longestRetentionMs(kafka, transport.subscribedTopics()),
          ),
      },
      { provide: MAX_RECORD_BYTES, useValue: settings.KAFKA_MAX_RECORD_BYTES },
      {
        provide: MessagingLifecycle,
        inject: [KAFKA, PRODUCER, OutboxRelay],
        useFactory: (kafka: Kafka, producer: Producer, relay: OutboxRelay) =>
          new MessagingLifecycle(kafka, producer, relay, topicNames, settings, consumerGroup),
      },
      TransactionRunner,
    ];
    return {
      module: MessagingModule,
      providers,
      exports: [TransactionRunner, OutboxRelay, KafkaEventTransport, TopicNames, EventCodec, DeadLetters, ConsumerLagReader],
    };
  }
}

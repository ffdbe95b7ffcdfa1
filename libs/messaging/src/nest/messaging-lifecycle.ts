import type { BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ALL_TOPICS } from '@tradeflow/events';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { MessagingSettings } from '../config/messaging-settings';
import { missingTopics } from '../kafka/missing-topics';
import type { TopicNames } from '../kafka/topic-names';
import type { OutboxRelay } from '../outbox/outbox-relay';
import { untilReachable } from './dependency-retries';

/** Within the 2 s in which an unreachable dependency is named. */
const REGISTRY_TIMEOUT_MS = 1500;

/**
 * Connects the producer and ensures topics: at start when the broker is there, else in the
 * background, retrying with backoff while the service works (writes wait in the outbox; the
 * consumer starts once the broker is reached). At shutdown the relay stops
 * while the database is still open (TypeORM closes it in onApplicationShutdown): stopped later, its
 * last "published" mark would fail and those rows go out twice. The producer goes last, after the
 * consumer's final batch (which may dead-letter through it).
 */
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly topicNames: TopicNames,
    private readonly settings: MessagingSettings,
    private readonly consumerGroup: string,
  ) {}

  private stopping = false;
  private isReached = false;
  private reached?: Promise<void>;

  /** Where the broker stands for the consumer, which joins its group once topics and producer are there. */
  get broker() {
    return {
      isReached: () => this.isReached,
      reached: (): Promise<void> => this.reached ?? Promise.reject(new Error('the broker is tried from module init on')),
      target: this.settings.KAFKA_BROKERS,
    };
  }

  async onModuleInit(): Promise<void> {
    let firstTried!: () => void;
    const tried = new Promise<void>((resolve) => (firstTried = resolve));
    const connect = async () => {
      try {
        await this.connect();
        this.isReached = true;
      } finally {
        firstTried();
      }
    };
    this.reached = untilReachable({ name: 'kafka', target: this.broker.target }, connect, new Logger('Kafka'), () => this.stopping);
    // Awaited for the first try only: a service without its broker still serves what needs only its database.
    this.reached.catch(() => undefined);
    // The registry is asked only when an event is encoded or decoded; one question now names it at start if it is away.
    const registry = { name: 'schema registry' as const, target: this.settings.SCHEMA_REGISTRY_URL };
    untilReachable(registry, () => this.askRegistry(), new Logger('SchemaRegistry'), () => this.stopping).catch(() => undefined);
    await tried;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  /** One try, without kafkajs' own retries: a broker that is away is reported at once, then retried with backoff. */
  private async connect(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    await admin.connect();
    try {
      if (this.settings.KAFKA_CREATE_TOPICS) await this.createTopics(admin);
      else await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  private async askRegistry(): Promise<void> {
    const { SCHEMA_REGISTRY_URL: url, SCHEMA_REGISTRY_USERNAME: username, SCHEMA_REGISTRY_PASSWORD: password } = this.settings;
    const headers: Record<string, string> = username ? { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } : {};
    const response = await fetch(`${url}/subjects`, { headers, signal: AbortSignal.timeout(REGISTRY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`GET /subjects answered ${response.status}`);
  }

  private async createTopics(admin: Admin): Promise<void> {
    const compacted = new Set(ALL_TOPICS.filter((topic) => topic.cleanupPolicy === 'compact').map((topic) => this.topicNames.forTopic(topic.name)));
    const names = [...this.topicNames.all(), this.topicNames.deadLetter(this.consumerGroup), this.topicNames.retry(this.consumerGroup)];
    const missing = missingTopics(names, await admin.listTopics());
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: this.settings.KAFKA_TOPIC_PARTITIONS,
        configEntries: compacted.has(topic) ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      })),
    });
  }
}

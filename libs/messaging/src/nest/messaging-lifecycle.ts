import type { BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { MessagingSettings } from '../config/messaging-settings';
import type { TopicNames } from '../kafka/topic-names';
import type { OutboxRelay } from '../outbox/outbox-relay';

/**
 * Connects the producer and ensures topics before the service works. At shutdown the relay stops
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

  async onModuleInit(): Promise<void> {
    if (this.settings.KAFKA_CREATE_TOPICS) await this.createTopics();
    await this.producer.connect();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  private async createTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const names = [...this.topicNames.all(), this.topicNames.deadLetter(this.consumerGroup), this.topicNames.retry(this.consumerGroup)];
      await admin.createTopics({
        waitForLeaders: true,
        topics: names.map((topic) => ({ topic, numPartitions: this.settings.KAFKA_TOPIC_PARTITIONS })),
      });
    } finally {
      await admin.disconnect();
    }
  }
}

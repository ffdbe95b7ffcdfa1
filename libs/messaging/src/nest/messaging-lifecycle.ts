import type { OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { MessagingSettings } from '../config/messaging-settings';
import type { TopicNames } from '../kafka/topic-names';
import type { OutboxRelay } from '../outbox/outbox-relay';

/** Connects the producer and ensures topics before the service works; stops the relay last. */
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
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

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
  }

  private async createTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const names = [...this.topicNames.all(), this.topicNames.deadLetter(this.consumerGroup)];
      await admin.createTopics({
        waitForLeaders: true,
        topics: names.map((topic) => ({ topic, numPartitions: this.settings.KAFKA_TOPIC_PARTITIONS })),
      });
    } finally {
      await admin.disconnect();
    }
  }
}

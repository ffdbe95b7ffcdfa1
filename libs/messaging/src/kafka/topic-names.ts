import { ALL_TOPICS, deadLetterTopic, retryTopic, topicOfEvent } from '@tradeflow/events';
import type { EventType } from '@tradeflow/events';

/**
 * Maps catalogue topics and consumer groups to their names in this deployment: the optional prefix
 * namespaces both, so deployments sharing a cluster never share a topic or a group.
 */
export class TopicNames {
  constructor(private readonly prefix: string) {}

  forEvent(type: EventType): string {
    return this.prefix + topicOfEvent(type).name;
  }

  forTopic(catalogueName: string): string {
    return this.prefix + catalogueName;
  }

  /** The Kafka group id of a consumer group (its dead-letter topic keeps the unprefixed group name). */
  consumerGroupId(consumerGroup: string): string {
    return this.prefix + consumerGroup;
  }

  deadLetter(consumerGroup: string): string {
    return this.prefix + deadLetterTopic(consumerGroup);
  }

  retry(consumerGroup: string): string {
    return this.prefix + retryTopic(consumerGroup);
  }

  all(): string[] {
    return ALL_TOPICS.map((topic) => this.prefix + topic.name);
  }
}

import { ALL_TOPICS, deadLetterTopic, topicOfEvent } from '@tradeflow/events';
import type { EventType } from '@tradeflow/events';

/** Maps catalogue topics to their names in this deployment (the optional prefix). */
export class TopicNames {
  constructor(private readonly prefix: string) {}

  forEvent(type: EventType): string {
    return this.prefix + topicOfEvent(type).name;
  }

  forTopic(catalogueName: string): string {
    return this.prefix + catalogueName;
  }

  deadLetter(consumerGroup: string): string {
    return this.prefix + deadLetterTopic(consumerGroup);
  }

  all(): string[] {
    return ALL_TOPICS.map((topic) => this.prefix + topic.name);
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName, TopicDefinition } from '@tradeflow/events';
import { ALL_TOPICS, deadLetterTopic, isEventType, publishesTo, retryTopic, topicOfEvent } from '@tradeflow/events';

export const repositoryRoot = join(__dirname, '../../..');

/** What one service may do on Kafka: the source of its KafkaUser ACLs. */
export interface KafkaAccess {
  service: ServiceName;
  /** Replicas share one consumer group, named after the service (libs/messaging's default). */
  consumerGroup: string;
  produces: string[];
  consumes: string[];
  deadLetterTopic: string;
  /** Where a replay of its dead letters goes; only this service writes and reads it. */
  retryTopic: string;
}

/**
 * The topics a service reads, from its code: every `@EventPattern('X')` under apps/<service>/src is
 * a subscription to X's topic (KafkaEventTransport.subscribedTopics does the same at run time). So
 * the ACLs follow the handlers, with no second list to keep in step. An absent app reads nothing.
 */
export function consumedTopics(service: ServiceName, root = repositoryRoot): TopicDefinition[] {
  const topics = new Map<string, TopicDefinition>();
  for (const file of sourceFiles(join(root, 'apps', service, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const [call, argument] of source.matchAll(/@EventPattern\(([^)]*)\)/g)) {
      const eventType = /^\s*'([A-Za-z]+)'\s*$/.exec(argument)?.[1];
      // A constant or expression would hide the subscription from this scan (and from the ACLs).
      if (!eventType || !isEventType(eventType)) {
        throw new Error(`${file}: ${call} must name a catalogue event type as a string literal`);
      }
      const topic = topicOfEvent(eventType);
      topics.set(topic.name, topic);
    }
  }
  return [...topics.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function kafkaAccess(service: ServiceName, root = repositoryRoot): KafkaAccess {
  return {
    service,
    consumerGroup: service,
    produces: ALL_TOPICS.filter((topic) => publishesTo(service, topic)).map((topic) => topic.name),
    consumes: consumedTopics(service, root).map((topic) => topic.name),
    deadLetterTopic: deadLetterTopic(service),
    retryTopic: retryTopic(service),
  };
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry))
    .map((entry) => join(dir, entry))
    .sort();
}

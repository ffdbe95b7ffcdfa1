import { ALL_TOPICS, topicReaderGroupPrefix } from '@tradeflow/events';
import type { KafkaAccess } from './kafka-access';
import { labels, PLATFORM, TOPIC_SETTINGS } from './platform';

type Manifest = Record<string, unknown>;
type AclOperation = 'Read' | 'Write' | 'Describe' | 'Delete';

const strimziLabels = (name: string, component: string) => ({
  ...labels(name, component),
  'strimzi.io/cluster': PLATFORM.kafkaCluster,
});

/**
 * One KafkaTopic per catalogue topic and per consumer group's dead-letter and retry topic. Replicas and min.insync.replicas
 * are the single-broker values of the base; overlays raise them with the broker count.
 */
export function kafkaTopics(access: readonly KafkaAccess[]): Manifest[] {
  const domain = ALL_TOPICS.map((topic) =>
    kafkaTopic(topic.name, `${topic.purpose} Written only by ${topic.producer}; keyed by ${topic.key}.`, {
      partitions: TOPIC_SETTINGS.partitions,
      retentionMs: TOPIC_SETTINGS.retentionMs,
      cleanupPolicy: topic.cleanupPolicy,
    }),
  );
  const deadLetters = access.map((service) =>
    kafkaTopic(service.deadLetterTopic, `Records the ${service.consumerGroup} consumer group gave up on.`, {
      partitions: TOPIC_SETTINGS.deadLetterPartitions,
      retentionMs: TOPIC_SETTINGS.deadLetterRetentionMs,
    }),
  );
  const retries = access.map((service) =>
    kafkaTopic(service.retryTopic, `Dead letters of the ${service.consumerGroup} consumer group replayed to it alone.`, {
      partitions: TOPIC_SETTINGS.deadLetterPartitions,
      retentionMs: TOPIC_SETTINGS.retryRetentionMs,
    }),
  );
  return [...domain, ...deadLetters, ...retries];
}

function kafkaTopic(
  name: string,
  purpose: string,
  settings: { partitions: number; retentionMs: number; cleanupPolicy?: 'delete' | 'compact' },
): Manifest {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: { name, labels: strimziLabels(name, 'kafka-topic'), annotations: { 'tradeflow.io/purpose': purpose } },
    spec: {
      topicName: name,
      partitions: settings.partitions,
      replicas: 1,
      config: {
        'retention.ms': settings.retentionMs,
        'cleanup.policy': settings.cleanupPolicy ?? 'delete',
        'min.insync.replicas': 1,
      },
    },
  };
}

/**
 * One SCRAM-SHA-512 user per service. Literal names, never `All`: write its own topics, read what
 * its handlers consume, join its own consumer group. Its dead letters: write them and read them
 * (list, and the replay/dismissal markers), write replays to its retry topic and read them there.
 * The one prefix: listing reads the dead-letter topic through a throwaway group per read
 * (`<group>.dlq.reader-<uuid>`, deleted afterwards), so concurrent lists never split its partitions.
 * Kafka 3+ needs no IdempotentWrite for the idempotent producer (Write on the topic suffices), and
 * topics are KafkaTopic resources, so no Create.
 */
export function kafkaUsers(access: readonly KafkaAccess[]): Manifest[] {
  return access.map((service) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaUser',
    metadata: { name: service.service, labels: strimziLabels(service.service, 'kafka-user') },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [
          ...service.produces.map((topic) => acl('topic', topic, ['Write', 'Describe'])),
          ...service.consumes.map((topic) => acl('topic', topic, ['Read', 'Describe'])),
          ...[service.deadLetterTopic, service.retryTopic].map((topic) => acl('topic', topic, ['Read', 'Write', 'Describe'])),
          ...(service.consumes.length > 0 ? [acl('group', service.consumerGroup, ['Read'])] : []),
          acl('group', topicReaderGroupPrefix(service.deadLetterTopic), ['Read', 'Delete'], 'prefix'),
        ],
      },
    },
  }));
}

function acl(type: 'topic' | 'group', name: string, operations: AclOperation[], patternType: 'literal' | 'prefix' = 'literal'): Manifest {
  return { type: 'allow', resource: { type, name, patternType }, operations };
}

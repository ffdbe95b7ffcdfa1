import { ALL_TOPICS } from '@tradeflow/events';
import type { KafkaAccess } from './kafka-access';
import { labels, PLATFORM, TOPIC_SETTINGS } from './platform';

type Manifest = Record<string, unknown>;
type AclOperation = 'Read' | 'Write' | 'Describe';

const strimziLabels = (name: string, component: string) => ({
  ...labels(name, component),
  'strimzi.io/cluster': PLATFORM.kafkaCluster,
});

/**
 * One KafkaTopic per catalogue topic and per dead-letter topic. Replicas and min.insync.replicas
 * are the single-broker values of the base; overlays raise them with the broker count.
 */
export function kafkaTopics(access: readonly KafkaAccess[]): Manifest[] {
  const domain = ALL_TOPICS.map((topic) =>
    kafkaTopic(topic.name, `${topic.purpose} Written only by ${topic.producer}; keyed by ${topic.key}.`, {
      partitions: TOPIC_SETTINGS.partitions,
      retentionMs: TOPIC_SETTINGS.retentionMs,
    }),
  );
  const deadLetters = access.map((service) =>
    kafkaTopic(service.deadLetterTopic, `Records the ${service.consumerGroup} consumer group gave up on.`, {
      partitions: TOPIC_SETTINGS.deadLetterPartitions,
      retentionMs: TOPIC_SETTINGS.deadLetterRetentionMs,
    }),
  );
  return [...domain, ...deadLetters];
}

function kafkaTopic(name: string, purpose: string, settings: { partitions: number; retentionMs: number }): Manifest {
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
        'cleanup.policy': 'delete',
        'min.insync.replicas': 1,
      },
    },
  };
}

/**
 * One SCRAM-SHA-512 user per service. Literal names only, never prefixes or `All`: write its own
 * topics and its dead-letter topic, read what its handlers consume, join its own consumer group.
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
          ...[...service.produces, service.deadLetterTopic].map((topic) => acl('topic', topic, ['Write', 'Describe'])),
          ...service.consumes.map((topic) => acl('topic', topic, ['Read', 'Describe'])),
          ...(service.consumes.length > 0 ? [acl('group', service.consumerGroup, ['Read'])] : []),
        ],
      },
    },
  }));
}

function acl(type: 'topic' | 'group', name: string, operations: AclOperation[]): Manifest {
  return { type: 'allow', resource: { type, name, patternType: 'literal' }, operations };
}

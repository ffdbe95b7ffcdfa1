import { ALL_TOPICS } from '@tradeflow/events';
import { labels, PLATFORM } from './platform';

type Manifest = Record<string, unknown>;

/**
 * Outside systems that read Tradeflow's public topics (README "Integrating with Tradeflow"). Each
 * gets a KafkaUser `outside-<name>`: Read on every catalogue topic, consumer groups `<name>.*` only,
 * nothing else; its namespace is admitted to the brokers' TLS listener and the registry (kafka.yaml
 * and schema-registry.yaml name it, a policy test keeps them in step). Add one, then
 * `npm run k8s:generate`.
 */
export const OUTSIDE_CONSUMERS = [
  {
    name: 'erp',
    namespace: 'tradeflow-integration',
    purpose: 'The ERP integration (deploy/examples/python-consumer shows how it reads).',
  },
] as const;

export type OutsideConsumer = (typeof OUTSIDE_CONSUMERS)[number];

export const outsideConsumerUser = (consumer: OutsideConsumer) => `outside-${consumer.name}`;
/** The group prefix an outside consumer may use: its own name and a dot. */
export const outsideConsumerGroupPrefix = (consumer: OutsideConsumer) => `${consumer.name}.`;

export function outsideConsumerUsers(): Manifest[] {
  return OUTSIDE_CONSUMERS.map((consumer) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaUser',
    metadata: {
      name: outsideConsumerUser(consumer),
      labels: { ...labels(outsideConsumerUser(consumer), 'outside-consumer'), 'strimzi.io/cluster': PLATFORM.kafkaCluster },
      annotations: { 'tradeflow.io/purpose': consumer.purpose, 'tradeflow.io/namespace': consumer.namespace },
    },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [
          ...ALL_TOPICS.map((topic) => ({
            type: 'allow',
            resource: { type: 'topic', name: topic.name, patternType: 'literal' },
            operations: ['Read', 'Describe'],
          })),
          {
            type: 'allow',
            resource: { type: 'group', name: outsideConsumerGroupPrefix(consumer), patternType: 'prefix' },
            operations: ['Read'],
          },
        ],
      },
    },
  }));
}

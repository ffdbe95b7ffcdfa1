import type { AclEntry } from 'kafkajs';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } from 'kafkajs';
import type { ScramUser } from '../infra/kafka';

/** A Strimzi KafkaUser with `simple` authorization, as deploy/k8s generates it. */
export interface KafkaUserResource {
  metadata: { name: string };
  spec: { authorization: { type: 'simple'; acls: StrimziAcl[] } };
}

interface StrimziAcl {
  type?: 'allow' | 'deny';
  resource: { type: 'topic' | 'group' | 'cluster' | 'transactionalId'; name?: string; patternType?: 'literal' | 'prefix' };
  operations: (keyof typeof OPERATIONS)[];
  host?: string;
}

/** A Strimzi KafkaTopic: its name and partitions are what a broker needs to hold it. */
export interface KafkaTopicResource {
  metadata: { name: string };
  spec: { topicName?: string; partitions: number; config?: Record<string, string | number> };
}

const RESOURCES = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  cluster: AclResourceTypes.CLUSTER,
  transactionalId: AclResourceTypes.TRANSACTIONAL_ID,
} as const;

const OPERATIONS = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Create: AclOperationTypes.CREATE,
  Delete: AclOperationTypes.DELETE,
  Alter: AclOperationTypes.ALTER,
  Describe: AclOperationTypes.DESCRIBE,
  ClusterAction: AclOperationTypes.CLUSTER_ACTION,
  DescribeConfigs: AclOperationTypes.DESCRIBE_CONFIGS,
  AlterConfigs: AclOperationTypes.ALTER_CONFIGS,
  IdempotentWrite: AclOperationTypes.IDEMPOTENT_WRITE,
  All: AclOperationTypes.ALL,
} as const;

/** The broker ACLs Strimzi's User Operator creates for a KafkaUser: one per resource and operation, principal User:<name>. */
export function aclEntries(user: KafkaUserResource): AclEntry[] {
  return user.spec.authorization.acls.flatMap((acl) =>
    acl.operations.map((operation) => ({
      principal: `User:${user.metadata.name}`,
      host: acl.host ?? '*',
      operation: OPERATIONS[operation],
      permissionType: acl.type === 'deny' ? AclPermissionTypes.DENY : AclPermissionTypes.ALLOW,
      resourceType: RESOURCES[acl.resource.type],
      // Strimzi names the one cluster resource itself; Kafka calls it kafka-cluster.
      resourceName: acl.resource.type === 'cluster' ? 'kafka-cluster' : (acl.resource.name ?? ''),
      resourcePatternType: acl.resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
    })),
  );
}

/**
 * A client of a broker started with `kafkaScram` (infra/kafka.ts), logged in as one user. As the
 * super user it does what the Topic and User Operators do in a cluster: creates the KafkaTopics and
 * loads the KafkaUsers' ACLs, so services run under exactly the ACLs they get there.
 */
export class ScramKafkaClient {
  private readonly kafka: Kafka;

  constructor(brokers: string, user: ScramUser) {
    this.kafka = new Kafka({
      clientId: `tradeflow-test-${user.name}`,
      brokers: brokers.split(','),
      sasl: { mechanism: 'scram-sha-512', username: user.name, password: user.password },
      logLevel: logLevel.NOTHING,
      retry: { retries: 2 },
    });
  }

  async provision(topics: KafkaTopicResource[], users: KafkaUserResource[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map(({ metadata, spec }) => ({
          topic: spec.topicName ?? metadata.name,
          numPartitions: spec.partitions,
          configEntries: Object.entries(spec.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
        })),
      });
      await admin.createAcls({ acl: users.flatMap(aclEntries) });
    } finally {
      await admin.disconnect();
    }
  }

  /** Rejects if the broker refuses this user the write (kafkajs rethrows the broker's TOPIC_AUTHORIZATION_FAILED as non-retriable). */
  async publishRaw(topic: string, value: Buffer, key: string): Promise<void> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key, value }] });
    } finally {
      await producer.disconnect();
    }
  }
}

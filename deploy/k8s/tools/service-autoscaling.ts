import type { KafkaAccess } from './kafka-access';
import { PLATFORM } from './platform';
import type { Manifest } from './service-names';
import { metadata, names } from './service-names';
import type { DeployedService } from './services';

/** KEDA reads the group's lag with the service's own Kafka user (Read on the group implies Describe). */
export function triggerAuthentication(service: DeployedService): Manifest {
  const { config, kafkaUserSecret, triggerAuthentication: name } = names(service.name);
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: metadata(name, service, 'autoscaling'),
    spec: {
      configMapTargetRef: [{ parameter: 'username', name: config, key: 'KAFKA_SASL_USERNAME' }],
      secretTargetRef: [
        { parameter: 'password', name: kafkaUserSecret, key: 'password' },
        { parameter: 'ca', name: PLATFORM.kafkaCaSecret, key: 'ca.crt' },
      ],
    },
  };
}

export function scaledObject(service: DeployedService, access: KafkaAccess): Manifest {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: metadata(service.name, service, 'autoscaling'),
    spec: {
      scaleTargetRef: { name: service.name },
      minReplicaCount: 1,
      // More consumers than partitions would sit idle.
      maxReplicaCount: 2,
      pollingInterval: 30,
      cooldownPeriod: 300,
      triggers: [
        {
          type: 'kafka',
          metadata: {
            bootstrapServers: PLATFORM.kafkaBootstrap,
            consumerGroup: access.consumerGroup,
            // Unconsumed records per partition a replica is expected to keep up with.
            lagThreshold: '100',
            sasl: 'scram_sha512',
            tls: 'enable',
          },
          authenticationRef: { name: names(service.name).triggerAuthentication },
        },
      ],
    },
  };
}

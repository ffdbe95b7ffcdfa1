import { ALL_TOPICS } from '@tradeflow/events';
import { OUTSIDE_CONSUMERS, outsideConsumerGroupPrefix, outsideConsumerUser } from '../integration-manifests';
import { SCHEMA_REGISTRATION, SCHEMA_REGISTRATION_SECRET } from '../schema-registration-manifests';
import { DEPLOYED_SERVICES } from '../services';
import type { K8sObject } from './manifests';
import { ofKind } from './manifests';

// Rendered YAML, read after the schema check has vouched for its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const namespaceIn = (peers: Json[] | undefined, namespace: string) =>
  (peers ?? []).some((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === namespace && !peer.podSelector);

/**
 * Each outside consumer: a KafkaUser that reads every catalogue topic and joins only groups of its
 * own prefix (nothing written, nothing else read), and its namespace admitted to the brokers'
 * listener and to the registry.
 */
export function outsideConsumerProblems(objects: K8sObject[]): string[] {
  const kafka = ofKind(objects, 'Kafka')[0] as Json | undefined;
  const listenerPeers: Json[] = (kafka?.spec?.kafka?.listeners ?? []).flatMap((listener: Json) => listener.networkPolicyPeers ?? []);
  const registryPolicy = ofKind(objects, 'NetworkPolicy').find((policy) => policy.metadata.name === 'schema-registry') as Json | undefined;
  const registryPeers: Json[] = (registryPolicy?.spec?.ingress ?? []).flatMap((rule: Json) => rule.from ?? []);
  return OUTSIDE_CONSUMERS.flatMap((consumer) => {
    const name = outsideConsumerUser(consumer);
    const user = ofKind(objects, 'KafkaUser').find((candidate) => candidate.metadata.name === name) as Json | undefined;
    if (!user) return [`outside consumer ${consumer.name} has no KafkaUser ${name}`];
    const acls = (user.spec.authorization?.acls ?? []).map(
      (acl: Json) => `${acl.type} ${acl.resource.type}:${acl.resource.patternType}:${acl.resource.name} ${[...acl.operations].sort().join('+')}`,
    );
    const expected = [
      ...ALL_TOPICS.map((topic) => `allow topic:literal:${topic.name} Describe+Read`),
      `allow group:prefix:${outsideConsumerGroupPrefix(consumer)} Read`,
    ];
    const problems: string[] = [];
    if (JSON.stringify([...acls].sort()) !== JSON.stringify([...expected].sort())) {
      problems.push(`KafkaUser/${name} allows ${acls.join(', ')}; expected exactly ${expected.join(', ')}`);
    }
    if (!namespaceIn(listenerPeers, consumer.namespace)) problems.push(`the brokers' listener does not admit namespace ${consumer.namespace}`);
    if (!namespaceIn(registryPeers, consumer.namespace)) problems.push(`the registry does not admit namespace ${consumer.namespace}`);
    return problems;
  });
}

/** Schemas registered by the Job with an admin credential from a Secret; the services only look them up. */
export function schemaRegistrationProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const jobs = ofKind(objects, 'Job').filter((job) => job.metadata.name.startsWith(`${SCHEMA_REGISTRATION}-`)) as Json[];
  if (jobs.length !== 1) problems.push(`expected one ${SCHEMA_REGISTRATION} Job, found ${jobs.length}`);
  for (const job of jobs) {
    const container: Json = job.spec.template.spec.containers[0];
    if (!container.command?.join(' ').includes('register-schemas.command.js')) problems.push('the Job does not run register-schemas.command.js');
    for (const key of ['SCHEMA_REGISTRY_USERNAME', 'SCHEMA_REGISTRY_PASSWORD']) {
      const variable = (container.env ?? []).find((candidate: Json) => candidate.name === key);
      if (variable?.valueFrom?.secretKeyRef?.name !== SCHEMA_REGISTRATION_SECRET) problems.push(`the Job's ${key} is not from ${SCHEMA_REGISTRATION_SECRET}`);
    }
  }
  for (const service of DEPLOYED_SERVICES) {
    const config = ofKind(objects, 'ConfigMap').find((candidate) => candidate.metadata.name === `${service.name}-config`) as Json | undefined;
    if (config?.data?.SCHEMA_AUTO_REGISTER !== 'false') problems.push(`${service.name} registers schemas itself (SCHEMA_AUTO_REGISTER is not false)`);
  }
  return problems;
}

import type { ServiceName } from '@tradeflow/events';
import { ALL_TOPICS, deadLetterTopic, publishesTo, retryTopic, topicReaderGroupPrefix } from '@tradeflow/events';
import { consumedTopics } from '../kafka-access';
import { DEPLOYED_SERVICES } from '../services';
import type { K8sObject } from './manifests';
import { describe, ofKind } from './manifests';

/*
 * Rules the schemas cannot express. Each returns problems as sentences; an empty list means the
 * rendered overlay keeps the rule. They read rendered objects only, never the generator's code.
 */

// Rendered YAML, read after the schema check has vouched for its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const POD_TEMPLATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet'];

/** Every container: non-root, no privilege escalation, read-only root, no capabilities, limits, probes. */
export function podSecurityProblems(objects: K8sObject[]): string[] {
  return objects
    .filter((object) => POD_TEMPLATE_KINDS.includes(object.kind))
    .flatMap((object) => {
      const pod: Json = (object as Json).spec?.template?.spec ?? {};
      const podSecurity: Json = pod.securityContext ?? {};
      const problems: string[] = [];
      if (podSecurity.seccompProfile?.type !== 'RuntimeDefault') problems.push('pod seccompProfile is not RuntimeDefault');
      if (pod.automountServiceAccountToken !== false) problems.push('mounts a service account token');
      const containers: Json[] = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
      for (const container of containers) {
        const security: Json = container.securityContext ?? {};
        const where = `container ${container.name}`;
        if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) problems.push(`${where} may run as root`);
        if ((security.runAsUser ?? podSecurity.runAsUser) === 0) problems.push(`${where} runs as uid 0`);
        if (security.allowPrivilegeEscalation !== false) problems.push(`${where} allows privilege escalation`);
        if (security.privileged === true) problems.push(`${where} is privileged`);
        if (security.readOnlyRootFilesystem !== true) problems.push(`${where} has a writable root filesystem`);
        if (!(security.capabilities?.drop ?? []).includes('ALL')) problems.push(`${where} keeps Linux capabilities`);
        if (security.capabilities?.add?.length) problems.push(`${where} adds capabilities`);
        for (const resource of ['cpu', 'memory']) {
          if (!container.resources?.limits?.[resource]) problems.push(`${where} has no ${resource} limit`);
          if (!container.resources?.requests?.[resource]) problems.push(`${where} has no ${resource} request`);
        }
      }
      // A Job's container runs to completion: nothing to probe.
      for (const container of object.kind === 'Job' ? [] : (pod.containers ?? [])) {
        for (const probe of ['readinessProbe', 'livenessProbe']) {
          if (!container[probe]) problems.push(`container ${container.name} has no ${probe}`);
        }
      }
      return problems.map((problem) => `${describe(object)}: ${problem}`);
    });
}

/** The Tradeflow services probe the endpoints libs/platform serves. */
export function serviceProbeProblems(objects: K8sObject[]): string[] {
  return serviceDeployments(objects).flatMap((deployment) => {
    const container: Json = (deployment as Json).spec.template.spec.containers[0];
    const problems: string[] = [];
    if (container.readinessProbe?.httpGet?.path !== '/health/ready') problems.push('readiness is not /health/ready');
    if (container.livenessProbe?.httpGet?.path !== '/health/live') problems.push('liveness is not /health/live');
    return problems.map((problem) => `${describe(deployment)}: ${problem}`);
  });
}

/** Secrets come from the operators and the people running the cluster, never from the repository. */
export function secretProblems(objects: K8sObject[]): string[] {
  return ofKind(objects, 'Secret')
    .filter((secret) => Object.keys(secret.data ?? {}).length + Object.keys(secret.stringData ?? {}).length > 0)
    .map((secret) => `${describe(secret)}: carries secret values`);
}

/** Every catalogue topic and every deployed service's dead-letter and retry topic is a KafkaTopic, and no other. */
export function topicProblems(objects: K8sObject[]): string[] {
  const topics = new Map(ofKind(objects, 'KafkaTopic').map((topic) => [(topic as Json).spec?.topicName ?? topic.metadata.name, topic as Json]));
  const expected = [
    ...ALL_TOPICS.map((topic) => topic.name),
    ...DEPLOYED_SERVICES.flatMap((service) => [deadLetterTopic(service.name), retryTopic(service.name)]),
  ];
  const problems = expected.filter((name) => !topics.has(name)).map((name) => `topic ${name} has no KafkaTopic`);
  problems.push(...[...topics.keys()].filter((name) => !expected.includes(name)).map((name) => `KafkaTopic ${name} is neither in the catalogue nor a dead-letter or retry topic`));
  for (const [name, topic] of topics) {
    if (!(topic.spec?.partitions > 0)) problems.push(`KafkaTopic ${name} sets no partitions`);
    if (!(topic.spec?.replicas > 0)) problems.push(`KafkaTopic ${name} sets no replicas`);
    if (!(Number(topic.spec?.config?.['retention.ms']) > 0)) problems.push(`KafkaTopic ${name} sets no retention.ms`);
  }
  return problems;
}

/**
 * Each service's KafkaUser allows exactly: Write+Describe on the topics the catalogue says it
 * produces (the audit trail: every service), Read+Describe on the topics its handlers consume, Read on
 * its consumer group (named after the service) when it consumes, all literal; for its dead letters
 * Read+Write+Describe on its dead-letter and retry topics, and Read+Delete on the prefix of the
 * throwaway groups that list them.
 */
export function aclProblems(objects: K8sObject[], root?: string): string[] {
  const users = new Map(ofKind(objects, 'KafkaUser').map((user) => [user.metadata.name, user as Json]));
  return DEPLOYED_SERVICES.flatMap(({ name }) => {
    const user = users.get(name);
    if (!user) return [`service ${name} has no KafkaUser`];
    const problems: string[] = [];
    if (user.spec?.authentication?.type !== 'scram-sha-512') problems.push('does not authenticate with SCRAM-SHA-512');
    const actual = new Set<string>();
    for (const acl of user.spec?.authorization?.acls ?? []) {
      if ((acl.type ?? 'allow') !== 'allow') continue;
      for (const operation of acl.operations ?? []) {
        actual.add(`${acl.resource.type} ${acl.resource.patternType ?? 'literal'} ${acl.resource.name} ${operation}`);
      }
    }
    const expected = new Set(expectedAcls(name, root));
    for (const grant of actual) if (!expected.has(grant)) problems.push(`grants more than it needs: ${grant}`);
    for (const grant of expected) if (!actual.has(grant)) problems.push(`lacks ${grant}`);
    return problems.map((problem) => `KafkaUser/${name}: ${problem}`);
  });
}

function expectedAcls(service: ServiceName, root?: string): string[] {
  const writes = ALL_TOPICS.filter((topic) => publishesTo(service, topic)).map((topic) => topic.name);
  const reads = consumedTopics(service, root).map((topic) => topic.name);
  const ownDeadLetters = [deadLetterTopic(service), retryTopic(service)];
  return [
    ...[...writes, ...ownDeadLetters].flatMap((topic) => [`topic literal ${topic} Write`, `topic literal ${topic} Describe`]),
    ...[...reads, ...ownDeadLetters].flatMap((topic) => [`topic literal ${topic} Read`, `topic literal ${topic} Describe`]),
    ...(reads.length > 0 ? [`group literal ${service} Read`] : []),
    ...['Read', 'Delete'].map((operation) => `group prefix ${topicReaderGroupPrefix(deadLetterTopic(service))} ${operation}`),
  ];
}

/**
 * What each service pod is wired to exists and agrees: its ConfigMap, ServiceAccount, database
 * Cluster and the operator Secrets it reads, its Kafka user, a NetworkPolicy, PDB and Service that
 * select it, and (for a consumer) a ScaledObject on its consumer group.
 */
export function wiringProblems(objects: K8sObject[]): string[] {
  const named = (kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name) as Json | undefined;
  return serviceDeployments(objects).flatMap((deployment: Json) => {
    const name: string = deployment.metadata.name;
    const pod: Json = deployment.spec.template.spec;
    const podLabels: Record<string, string> = deployment.spec.template.metadata.labels;
    const selects = (selector: Json | undefined) =>
      !!selector && Object.entries(selector.matchLabels ?? selector).every(([key, value]) => podLabels[key] === value);
    const container: Json = pod.containers[0];
    const env = new Map<string, Json>((container.env ?? []).map((variable: Json) => [variable.name, variable]));
    const secretRef = (variable: string) => env.get(variable)?.valueFrom?.secretKeyRef;
    const configMapName = container.envFrom?.[0]?.configMapRef?.name;
    const config: Json = named('ConfigMap', configMapName)?.data ?? {};
    const databaseVariable = `DATABASE_URL_${name.toUpperCase().replace(/-/g, '_')}`;
    const problems: string[] = [];
    if (!config.KAFKA_BROKERS) problems.push(`ConfigMap ${configMapName} missing or without KAFKA_BROKERS`);
    if (!named('ServiceAccount', pod.serviceAccountName)) problems.push(`ServiceAccount ${pod.serviceAccountName} missing`);
    if (!named('Cluster', `${name}-db`)) problems.push(`database Cluster ${name}-db missing`);
    // The service runs as its own role (rows only); its init container migrates as the database's owner.
    const cluster = named('Cluster', `${name}-db`);
    const serviceRole = ['PGUSER', 'PGPASSWORD'].map(secretRef);
    if (serviceRole.some((secret) => secret?.name !== `${name}-db-service`)) problems.push(`PGUSER and PGPASSWORD are not the role in ${name}-db-service`);
    if (!cluster?.spec.managed?.roles?.some((role: Json) => role.passwordSecret?.name === `${name}-db-service` && role.login)) {
      problems.push(`database Cluster ${name}-db does not declare the role of ${name}-db-service`);
    }
    if (/@/.test(env.get(databaseVariable)?.value ?? '@')) problems.push(`${databaseVariable} is not a URL of the cluster without credentials`);
    if (config.RUN_MIGRATIONS !== 'false') problems.push('the service migrates its database itself, as the role that serves requests');
    const migrate: Json | undefined = (pod.initContainers ?? []).find((candidate: Json) => candidate.name === 'migrate');
    const owner = (migrate?.env ?? []).find((variable: Json) => variable.name === databaseVariable)?.valueFrom?.secretKeyRef;
    if (owner?.name !== `${name}-db-app` || owner?.key !== 'uri') problems.push(`no migrate init container with the owner's uri in CloudNativePG's ${name}-db-app`);
    if (config.KAFKA_SASL_USERNAME !== name || !named('KafkaUser', name)) problems.push('KAFKA_SASL_USERNAME is not its KafkaUser');
    const password = secretRef('KAFKA_SASL_PASSWORD');
    if (password?.name !== name || password?.key !== 'password') problems.push("KAFKA_SASL_PASSWORD is not the KafkaUser Secret's password");
    if (config.KAFKA_TLS !== 'true' || config.KAFKA_SASL_MECHANISM !== 'scram-sha-512') problems.push('Kafka is not TLS with SCRAM-SHA-512');
    for (const kind of ['NetworkPolicy', 'PodDisruptionBudget']) {
      if (!ofKind(objects, kind).some((object: Json) => selects(object.spec?.podSelector ?? object.spec?.selector))) problems.push(`no ${kind} selects it`);
    }
    if (!ofKind(objects, 'Service').some((service: Json) => selects(service.spec?.selector))) problems.push('no Service selects it');
    const consumes = consumedTopics(name as ServiceName).length > 0;
    const scaler = ofKind(objects, 'ScaledObject').find((object: Json) => object.spec.scaleTargetRef.name === name) as Json | undefined;
    if (consumes && scaler?.spec.triggers[0]?.metadata?.consumerGroup !== config.KAFKA_CONSUMER_GROUP) problems.push('no ScaledObject on its consumer group');
    return problems.map((problem) => `${describe(deployment as K8sObject)}: ${problem}`);
  });
}

/**
 * Every container running a service image (the Deployments with their init containers, the
 * schema-registration Job) pulls it from a registry by digest, never by a tag that can move: what
 * was tested is what runs.
 */
export function imagePinProblems(objects: K8sObject[]): string[] {
  const services = DEPLOYED_SERVICES.map(({ name }) => name).join('|');
  const serviceImage = new RegExp(`(^|/)tradeflow/(${services})([:@]|$)`);
  const pinned = new RegExp(`^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*/tradeflow/(${services})@sha256:[0-9a-f]{64}$`);
  return objects.flatMap((object) => {
    const pod: Json | undefined = (object as Json).spec?.template?.spec ?? (object as Json).spec?.jobTemplate?.spec?.template?.spec;
    return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]
      .filter((container: Json) => serviceImage.test(container.image) && !pinned.test(container.image))
      .map((container: Json) => `${describe(object)}: container ${container.name} runs ${container.image}, not <registry>/tradeflow/<service>@sha256:…`);
  });
}

export const serviceDeployments = (objects: K8sObject[]) =>
  ofKind(objects, 'Deployment').filter((deployment) => deployment.metadata.labels?.['app.kubernetes.io/component'] === 'service');

/** The numbers that make an overlay what it says it is. */
export function sizingProblems(objects: K8sObject[], overlay: 'dev' | 'prod'): string[] {
  const ha = overlay === 'prod';
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => ok || problems.push(problem);
  for (const deployment of serviceDeployments(objects) as Json[]) {
    const replicas = deployment.spec.replicas;
    expect(ha ? replicas >= 2 : replicas === 1, `${describe(deployment as K8sObject)}: ${replicas} replicas`);
    if (ha) expect(!!deployment.spec.template.spec.affinity?.podAntiAffinity, `${describe(deployment as K8sObject)}: no pod anti-affinity`);
  }
  for (const scaler of ofKind(objects, 'ScaledObject') as Json[]) {
    expect(ha ? scaler.spec.minReplicaCount >= 2 : scaler.spec.maxReplicaCount === 1, `${describe(scaler as K8sObject)}: scales ${scaler.spec.minReplicaCount}..${scaler.spec.maxReplicaCount}`);
  }
  const brokers = (ofKind(objects, 'KafkaNodePool') as Json[])
    .filter((pool) => pool.spec.roles.includes('broker'))
    .reduce((sum, pool) => sum + pool.spec.replicas, 0);
  expect(brokers === (ha ? 3 : 1), `${brokers} Kafka brokers`);
  const insync = ha ? 2 : 1;
  for (const kafka of ofKind(objects, 'Kafka') as Json[]) {
    expect(kafka.spec.kafka.config['min.insync.replicas'] === insync, `Kafka min.insync.replicas is not ${insync}`);
    expect(kafka.spec.kafka.config['default.replication.factor'] === brokers, 'Kafka default.replication.factor differs from the broker count');
  }
  for (const topic of ofKind(objects, 'KafkaTopic') as Json[]) {
    expect(topic.spec.replicas === brokers && topic.spec.config['min.insync.replicas'] === insync, `${describe(topic as K8sObject)}: replicas ${topic.spec.replicas}, min.insync.replicas ${topic.spec.config['min.insync.replicas']}`);
  }
  for (const cluster of ofKind(objects, 'Cluster') as Json[]) {
    expect(cluster.spec.instances === (ha ? 3 : 1), `${describe(cluster as K8sObject)}: ${cluster.spec.instances} Postgres instances`);
  }
  return problems;
}

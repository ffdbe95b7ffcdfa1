import type { KafkaAccess } from './kafka-access';
import { labels, PLATFORM } from './platform';
import { scaledObject, triggerAuthentication } from './service-autoscaling';
import { databaseCluster, databaseNetworkPolicy } from './service-database';
import type { Manifest } from './service-names';
import { metadata, names, selector } from './service-names';
import type { DeployedService } from './services';

const KAFKA_CA_DIR = '/etc/tradeflow/kafka-ca';
/** Every service's settings from the operator's Secrets (besides DeployedService.secrets). */
const REGISTRY_CREDENTIALS = { SCHEMA_REGISTRY_USERNAME: 'required', SCHEMA_REGISTRY_PASSWORD: 'required' } as const;
const OIDC_SETTINGS = { OIDC_ISSUER_URL: 'required', OIDC_AUDIENCE: 'optional', OIDC_ROLES_CLAIM: 'optional', OIDC_JWKS_URL: 'optional' } as const;
const UID = 1000; // the user deploy/image/Containerfile runs as

/** Everything one service needs besides its Kafka user and topics, in apply order. */
export function serviceManifests(service: DeployedService, access: KafkaAccess, imageTag: string): Manifest[] {
  return [
    serviceAccount(service),
    configMap(service),
    databaseCluster(service),
    deployment(service, imageTag),
    httpService(service),
    podDisruptionBudget(service),
    networkPolicy(service),
    databaseNetworkPolicy(service),
    // Lag autoscaling only means something for a service that consumes.
    ...(access.consumes.length > 0 ? [triggerAuthentication(service), scaledObject(service, access)] : []),
  ];
}

function serviceAccount(service: DeployedService): Manifest {
  // No Kubernetes API access: the token is not even mounted.
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(service.name, service), automountServiceAccountToken: false };
}

/** Non-secret settings (see the settings classes); secrets come in as env from operator Secrets. */
function configMap(service: DeployedService): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(names(service.name).config, service),
    data: {
      PORT: String(service.port),
      METRICS_PORT: String(PLATFORM.metricsPort),
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      // The pod's init container migrates, as the database's owner, before the service starts.
      RUN_MIGRATIONS: 'false',
      KAFKA_BROKERS: PLATFORM.kafkaBootstrap,
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: service.name,
      KAFKA_CONSUMER_GROUP: service.name,
      // Topics are KafkaTopic resources; the service's user may not create them anyway.
      KAFKA_CREATE_TOPICS: 'false',
      SCHEMA_REGISTRY_URL: PLATFORM.schemaRegistryUrl,
      // The schema-registration Job registers every schema first; the services only look ids up.
      SCHEMA_AUTO_REGISTER: 'false',
      OTEL_SERVICE_NAME: service.name,
      OTEL_EXPORTER_OTLP_ENDPOINT: PLATFORM.otlpEndpoint,
      // kafkajs' TLS trusts Node's CA store; this adds Strimzi's self-signed cluster CA to it.
      NODE_EXTRA_CA_CERTS: `${KAFKA_CA_DIR}/ca.crt`,
    },
  };
}

function deployment(service: DeployedService, imageTag: string): Manifest {
  const { config, database, databaseIdentifier, databaseSecret, serviceRole, serviceRoleSecret, kafkaUserSecret, appSecret, databaseUrlVariable } =
    names(service.name);
  const fromSecret = (secret: string, keys: Record<string, 'required' | 'optional'>) =>
    Object.entries(keys).map(([key, need]) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: secret, key, optional: need === 'optional' } },
    }));
  const image = `tradeflow/${service.name}:${imageTag}`;
  const containerSecurity = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    failureThreshold,
    timeoutSeconds: 3,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(service.name, service),
    spec: {
      replicas: 1,
      revisionHistoryLimit: 5,
      selector: selector(service),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels(service.name, 'service') },
        spec: {
          serviceAccountName: service.name,
          automountServiceAccountToken: false,
          // Long enough for the consumer to finish its batch and commit, and the relay to stop.
          terminationGracePeriodSeconds: 45,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: UID,
            runAsGroup: UID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          // Replicas on different nodes when there are several; a no-op for one replica.
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: selector(service), topologyKey: 'kubernetes.io/hostname' } },
              ],
            },
          },
          // Every pod migrates first; the advisory lock lets one run at a time, so the others find nothing left to do.
          initContainers: [
            {
              name: 'migrate',
              image,
              imagePullPolicy: 'IfNotPresent',
              // The image's entry point (tini) runs the service's migration command instead of the service.
              args: ['node', '--enable-source-maps', `apps/${service.name}/src/migrate.js`],
              env: [
                { name: databaseUrlVariable, valueFrom: { secretKeyRef: { name: databaseSecret, key: 'uri' } } },
                { name: 'DATABASE_APP_ROLE', value: serviceRole },
                { name: 'LOG_LEVEL', value: 'info' },
              ],
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
              securityContext: containerSecurity,
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          containers: [
            {
              name: service.name,
              image,
              imagePullPolicy: 'IfNotPresent',
              ports: [
                { name: 'http', containerPort: service.port, protocol: 'TCP' },
                { name: 'metrics', containerPort: PLATFORM.metricsPort, protocol: 'TCP' },
              ],
              envFrom: [{ configMapRef: { name: config } }],
              env: [
                // The service's own role, rows only; node-postgres reads its user and password from PGUSER and PGPASSWORD.
                { name: databaseUrlVariable, value: `postgresql://${database}-rw:5432/${databaseIdentifier}` },
                { name: 'PGUSER', valueFrom: { secretKeyRef: { name: serviceRoleSecret, key: 'username' } } },
                { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: serviceRoleSecret, key: 'password' } } },
                { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: kafkaUserSecret, key: 'password' } } },
                ...fromSecret(PLATFORM.oidcSecret, OIDC_SETTINGS),
                ...fromSecret(appSecret, { ...REGISTRY_CREDENTIALS, ...service.secrets }),
              ],
              // The service waits for its database before the HTTP listener starts: the startup probe gives it 3 minutes.
              startupProbe: probe('/health/live', 5, 36),
              livenessProbe: probe('/health/live', 10, 3),
              readinessProbe: probe('/health/ready', 10, 3),
              resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '384Mi' } },
              securityContext: containerSecurity,
              volumeMounts: [
                { name: 'tmp', mountPath: '/tmp' },
                { name: 'kafka-ca', mountPath: KAFKA_CA_DIR, readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
            { name: 'kafka-ca', secret: { secretName: PLATFORM.kafkaCaSecret, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          ],
        },
      },
    },
  };
}

function httpService(service: DeployedService): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(service.name, service),
    spec: {
      selector: selector(service).matchLabels,
      ports: [
        { name: 'http', port: service.port, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: PLATFORM.metricsPort, targetPort: 'metrics', protocol: 'TCP' },
      ],
    },
  };
}

function podDisruptionBudget(service: DeployedService): Manifest {
  // maxUnavailable, not minAvailable: a single dev replica must not block node drains forever.
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(service.name, service),
    spec: { maxUnavailable: 1, selector: selector(service) },
  };
}

/**
 * In: HTTP only from the namespaces the overlay names (its ingress controller, the ops console; the
 * overlays replace PLATFORM.httpClientNamespaces), /metrics only from the monitoring namespace.
 * Out: its database, the Kafka brokers, the registry, the collector, DNS, and HTTPS: the OpenID
 * issuer's keys (wherever the issuer runs) and, for crm-sync, the CRM.
 */
function networkPolicy(service: DeployedService): Manifest {
  const tcp = (port: number | string) => ({ protocol: 'TCP', port });
  const namespaces = (names: readonly string[]) => ({
    namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...names] }] },
  });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(service.name, service),
    spec: {
      podSelector: selector(service),
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [namespaces(PLATFORM.httpClientNamespaces)], ports: [tcp('http')] },
        { from: [namespaces([PLATFORM.monitoringNamespace])], ports: [tcp('metrics')] },
      ],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': names(service.name).database } } }], ports: [tcp(5432)] },
        {
          to: [{ podSelector: { matchLabels: { 'strimzi.io/cluster': PLATFORM.kafkaCluster, 'strimzi.io/broker-role': 'true' } } }],
          ports: [tcp(9093)],
        },
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'schema-registry' } } }], ports: [tcp(8080)] },
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'otel-collector' } } }], ports: [tcp(4318)] },
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [{ protocol: 'UDP', port: 53 }, tcp(53)],
        },
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(443)] },
      ],
    },
  };
}

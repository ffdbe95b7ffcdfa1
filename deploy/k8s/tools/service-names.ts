import { labels } from './platform';
import type { DeployedService } from './services';

export type Manifest = Record<string, unknown>;

/** The names of one service's objects and of the operator Secrets they read, in one place. */
export const names = (service: string) => ({
  config: `${service}-config`,
  database: `${service}-db`,
  /** CloudNativePG writes the owner's credentials, including a ready `uri`, to `<cluster>-app`: the migration role. */
  databaseSecret: `${service}-db-app`,
  /** The role the service runs as: rows only, no DDL (a managed role of its Cluster). */
  serviceRole: `${service.replace(/-/g, '_')}_service`,
  /** Its password: a kubernetes.io/basic-auth Secret the operator creates (deploy/k8s/README.md). */
  serviceRoleSecret: `${service}-db-service`,
  /** Strimzi's User Operator writes the SCRAM password to a Secret named like the KafkaUser. */
  kafkaUserSecret: service,
  /** The operator's own Secret for app secrets (DeployedService.secrets); see deploy/k8s/README.md. */
  appSecret: `${service}-secrets`,
  triggerAuthentication: `${service}-kafka`,
  /** The variable the app's settings class declares (libs/testing's databaseUrlVariable agrees). */
  databaseUrlVariable: `DATABASE_URL_${service.toUpperCase().replace(/-/g, '_')}`,
  /** Postgres identifiers: `crm-sync` → `crm_sync`, as the local stack names them. */
  databaseIdentifier: service.replace(/-/g, '_'),
});

export const metadata = (name: string, service: DeployedService, component = 'service') => ({
  name,
  labels: labels(service.name, component),
});
export const selector = (service: DeployedService) => ({ matchLabels: { 'app.kubernetes.io/name': service.name } });

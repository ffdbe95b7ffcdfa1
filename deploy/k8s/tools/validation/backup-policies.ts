import { BACKUP_PLUGIN } from '../database-backups';
import type { K8sObject } from './manifests';
import { describe, ofKind } from './manifests';

// Rendered YAML, read after the schema check has vouched for its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * Every Postgres cluster archives its WAL to an ObjectStore of the overlay through the Barman Cloud
 * plugin and has a ScheduledBackup by that plugin; the store's credentials come from a Secret.
 */
export function backupProblems(objects: K8sObject[]): string[] {
  const stores = new Map(ofKind(objects, 'ObjectStore').map((store) => [store.metadata.name, store as Json]));
  const schedules = ofKind(objects, 'ScheduledBackup') as Json[];
  const problems: string[] = [];
  for (const cluster of ofKind(objects, 'Cluster') as Json[]) {
    const name = cluster.metadata.name;
    const archiver = (cluster.spec.plugins ?? []).find((plugin: Json) => plugin.name === BACKUP_PLUGIN && plugin.isWALArchiver && plugin.enabled !== false);
    if (!archiver) problems.push(`${describe(cluster as K8sObject)}: archives no WAL with ${BACKUP_PLUGIN}`);
    else if (!stores.has(archiver.parameters?.barmanObjectName)) problems.push(`${describe(cluster as K8sObject)}: its ObjectStore ${archiver.parameters?.barmanObjectName} is not in the overlay`);
    const own = schedules.filter((schedule) => schedule.spec.cluster?.name === name);
    if (own.length !== 1) problems.push(`${describe(cluster as K8sObject)}: ${own.length} ScheduledBackups, not 1`);
    else if (own[0].spec.method !== 'plugin' || own[0].spec.pluginConfiguration?.name !== BACKUP_PLUGIN) problems.push(`${describe(own[0] as K8sObject)}: not taken by ${BACKUP_PLUGIN}`);
  }
  for (const [name, store] of stores) {
    const credentials: Json = store.spec.configuration.s3Credentials ?? {};
    for (const key of ['accessKeyId', 'secretAccessKey']) {
      if (!credentials[key]?.name || !credentials[key]?.key) problems.push(`ObjectStore/${name}: ${key} is not from a Secret`);
    }
  }
  return problems;
}

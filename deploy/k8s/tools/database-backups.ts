import { labels } from './platform';
import type { Manifest } from './service-names';
import { names } from './service-names';
import { DEPLOYED_SERVICES } from './services';

/** The plugin and ObjectStore of base/backups (archive-wal.yaml, object-store.yaml). */
export const BACKUP_PLUGIN = 'barman-cloud.cloudnative-pg.io';
export const OBJECT_STORE = 'tradeflow-backups';
/** The schema registry's own cluster (base/schema-registry.yaml); the other five are the services'. */
const REGISTRY_DATABASE = 'schema-registry-db';

export const databaseClusterNames = (): string[] => [...DEPLOYED_SERVICES.map((service) => names(service.name).database), REGISTRY_DATABASE];

/**
 * A nightly base backup per cluster, five minutes apart so they do not all load the object store at
 * once; `immediate` takes the first one as soon as the cluster exists, so a new cluster is never
 * without one. WAL is archived continuously besides (archive-wal.yaml): together, point-in-time recovery.
 */
export function scheduledBackups(): Manifest[] {
  return databaseClusterNames().map((cluster, index) => ({
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    metadata: { name: `${cluster}-nightly`, labels: labels(cluster, 'backup') },
    spec: {
      // Seconds first: 02:00, 02:05, … UTC.
      schedule: `0 ${index * 5} 2 * * *`,
      immediate: true,
      cluster: { name: cluster },
      method: 'plugin',
      pluginConfiguration: { name: BACKUP_PLUGIN },
      // Backups belong to the ScheduledBackup: deleting a Cluster by mistake does not delete them.
      backupOwnerReference: 'self',
    },
  }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * A Cluster that recovers `original` (as rendered from an overlay) from its backups and WAL up to
 * `targetTime` (RFC 3339), under `name`. It archives under a folder of its own, `<name>-after-<time>`:
 * Barman refuses to archive into a folder that holds another cluster's history, the original's included.
 */
export function restoreCluster(original: Json, name: string, targetTime: string): Manifest {
  if (Number.isNaN(Date.parse(targetTime)) || !/[zZ]|[+-]\d\d:\d\d$/.test(targetTime)) {
    throw new Error(`--time must be an RFC 3339 time with a zone, e.g. 2026-12-07T09:30:00Z (got ${targetTime})`);
  }
  const { bootstrap, plugins, ...spec } = original.spec as Json;
  const archiver = (plugins as Json[] | undefined)?.find((plugin) => plugin.name === BACKUP_PLUGIN && plugin.isWALArchiver);
  const objectStore = archiver?.parameters?.barmanObjectName;
  if (!objectStore) throw new Error(`Cluster ${original.metadata.name} archives no WAL with ${BACKUP_PLUGIN}: nothing to restore from`);
  const stamp = new Date(targetTime).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'z').toLowerCase();
  return {
    apiVersion: original.apiVersion,
    kind: 'Cluster',
    metadata: { name, namespace: original.metadata.namespace, labels: original.metadata.labels },
    spec: {
      ...spec,
      bootstrap: {
        recovery: {
          source: 'origin',
          // The application database and its owner as the original made them; CloudNativePG writes
          // a new `<name>-app` Secret for the owner.
          database: bootstrap.initdb.database,
          owner: bootstrap.initdb.owner,
          recoveryTarget: { targetTime },
        },
      },
      externalClusters: [
        { name: 'origin', plugin: { name: BACKUP_PLUGIN, parameters: { barmanObjectName: objectStore, serverName: original.metadata.name } } },
      ],
      plugins: [{ name: BACKUP_PLUGIN, isWALArchiver: true, parameters: { barmanObjectName: objectStore, serverName: `${name}-after-${stamp}` } }],
    },
  };
}

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { databaseClusterNames, restoreCluster } from './database-backups';
import { repositoryRoot } from './kafka-access';
import { backupProblems } from './validation/backup-policies';
import type { K8sObject } from './validation/manifests';
import { ofKind, render } from './validation/manifests';
import { ManifestValidator } from './validation/validate';

let validator: ManifestValidator | undefined; // compiling the schemas takes a second or two

describe.each(['dev', 'prod'] as const)('backups in overlay %s', (overlay) => {
  const objects = render(join(repositoryRoot, 'deploy/k8s/overlays', overlay));
  const clusters = ofKind(objects, 'Cluster');

  it('archive WAL and take a nightly backup of every one of the six Postgres clusters', () => {
    expect(clusters.map((cluster) => cluster.metadata.name).sort()).toEqual(databaseClusterNames().sort());
    expect(backupProblems(objects)).toEqual([]);
  });

  it('restore each cluster to a point in time with a Cluster valid against the CRD', () => {
    validator ??= new ManifestValidator();
    const restores = clusters.map((cluster) => restoreCluster(cluster, `${cluster.metadata.name}-restore`, '2026-12-07T09:30:00Z') as K8sObject);
    expect(validator.problems(restores)).toEqual([]);
    const [order] = restores.filter((restore) => restore.metadata.name === 'order-db-restore') as Record<string, any>[];
    expect(order.spec.bootstrap).toEqual({
      recovery: { source: 'origin', database: 'order', owner: 'order', recoveryTarget: { targetTime: '2026-12-07T09:30:00Z' } },
    });
    expect(order.spec.externalClusters[0].plugin.parameters).toEqual({ barmanObjectName: 'tradeflow-backups', serverName: 'order-db' });
    expect(order.spec.plugins[0].parameters.serverName).toBe('order-db-restore-after-20261207t093000z');
    expect(order.spec.instances).toBe(overlay === 'prod' ? 3 : 1);
  });
});

describe('the backup checks', () => {
  const objects = render(join(repositoryRoot, 'deploy/k8s/overlays/dev'));

  it('refuse a cluster without WAL archiving or without its ScheduledBackup', () => {
    const broken = objects
      .filter((object) => !(object.kind === 'ScheduledBackup' && object.metadata.name === 'shipping-db-nightly'))
      .map((object) => (object.kind === 'Cluster' && object.metadata.name === 'order-db' ? { ...object, spec: { ...(object.spec as object), plugins: [] } } : object));
    expect(backupProblems(broken)).toEqual([
      'Cluster/order-db: archives no WAL with barman-cloud.cloudnative-pg.io',
      'Cluster/shipping-db: 0 ScheduledBackups, not 1',
    ]);
  });

  it('refuse a restore target without a time zone, and a cluster that archives nothing', () => {
    const [order] = ofKind(objects, 'Cluster').filter((cluster) => cluster.metadata.name === 'order-db');
    expect(() => restoreCluster(order, 'x', '2026-12-07 09:30')).toThrow(/RFC 3339/);
    expect(() => restoreCluster({ ...order, spec: { ...(order.spec as object), plugins: [] } }, 'x', '2026-12-07T09:30:00Z')).toThrow(/archives no WAL/);
  });

  it('prints the restore Cluster from the command line', () => {
    const run = spawnSync('sh', ['deploy/local/node24', 'deploy/k8s/tools/restore-database.ts', '--overlay', 'dev', '--cluster', 'invoicing-db', '--time', '2026-12-07T09:30:00+01:00'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const printed = load(run.stdout) as K8sObject & { spec: { bootstrap: unknown } };
    expect(printed.metadata.name).toBe('invoicing-db-restore');
    expect(printed.spec.bootstrap).toEqual(expect.objectContaining({ recovery: expect.objectContaining({ recoveryTarget: { targetTime: '2026-12-07T09:30:00+01:00' } }) }));
  });
});

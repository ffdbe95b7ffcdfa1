import { join } from 'node:path';
import { dump } from 'js-yaml';
import { restoreCluster } from './database-backups';
import { repositoryRoot } from './kafka-access';
import { render } from './validation/manifests';

/**
 * Prints a Cluster that restores one database to a point in time from its backups
 * (docs/runbooks/restore-database.md):
 *   sh deploy/local/node24 deploy/k8s/tools/restore-database.ts --overlay prod --cluster order-db \
 *     --time 2026-12-07T09:30:00Z [--name order-db-restore] | kubectl apply -f -
 */
function main(): void {
  const option = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const overlay = option('--overlay') ?? 'prod';
  const cluster = option('--cluster');
  const time = option('--time');
  if (!cluster || !time) {
    console.error('usage: restore-database.ts --cluster <name>-db --time <RFC 3339> [--overlay prod|dev] [--name <new cluster>]');
    process.exit(2);
  }
  const original = render(join(repositoryRoot, 'deploy/k8s/overlays', overlay)).find(
    (object) => object.kind === 'Cluster' && object.metadata.name === cluster,
  );
  if (!original) {
    console.error(`overlay ${overlay} has no Cluster ${cluster}`);
    process.exit(2);
  }
  process.stdout.write(dump(restoreCluster(original, option('--name') ?? `${cluster}-restore`, time), { lineWidth: -1, noRefs: true }));
}

if (require.main === module) main();

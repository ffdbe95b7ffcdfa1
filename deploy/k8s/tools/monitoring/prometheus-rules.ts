import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { labels } from '../platform';
import type { Manifest } from '../service-names';

/**
 * The alert rules as people edit and promtool tests them: plain Prometheus rule files, each with a
 * `<group>.test.yaml` beside it (`promtool test rules`).
 */
export const rulesDirectory = (root: string) => join(root, 'deploy/k8s/base/monitoring/rules');

export function ruleFiles(root: string): string[] {
  return readdirSync(rulesDirectory(root))
    .filter((file) => file.endsWith('.rules.yaml'))
    .sort()
    .map((file) => join(rulesDirectory(root), file));
}

/** One PrometheusRule per rule file, named `tradeflow-<file>`, for the Prometheus Operator to load. */
export function prometheusRules(root: string): Manifest[] {
  return ruleFiles(root).map((file) => {
    const name = `tradeflow-${file.slice(file.lastIndexOf('/') + 1, -'.rules.yaml'.length)}`;
    const { groups } = load(readFileSync(file, 'utf8')) as { groups: unknown[] };
    return {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name, labels: labels(name, 'monitoring') },
      spec: { groups },
    };
  });
}

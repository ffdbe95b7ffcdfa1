import { join } from 'node:path';
import { repositoryRoot } from '../kafka-access';
import { DEPLOYED_SERVICES } from '../services';
import type { K8sObject } from '../validation/manifests';
import { render } from '../validation/manifests';
import { dashboardProblems } from './dashboard-checks';
import { dashboardConfigMaps } from './dashboards';

describe('Grafana dashboards', () => {
  const objects = render(join(repositoryRoot, 'deploy/k8s/overlays/prod'));

  it('are provisioned for the flow, each service, Kafka and Postgres', () => {
    const uids = objects
      .filter((object) => object.kind === 'ConfigMap' && object.metadata.labels?.grafana_dashboard === '1')
      .flatMap((map) => Object.keys(map.data as Record<string, string>).map((key) => key.replace(/\.json$/, '')));
    expect(uids.sort()).toEqual(
      ['tradeflow-flow', 'tradeflow-kafka', 'tradeflow-postgres', ...DEPLOYED_SERVICES.map((service) => `tradeflow-service-${service.name}`)].sort(),
    );
  });

  it('are valid JSON with unique uids, and every query parses and selects only known metrics', () => {
    expect(dashboardProblems(objects, repositoryRoot)).toEqual([]);
  });

  it('refuse a broken dashboard: bad JSON, a uid used twice, a query that does not parse, an unknown metric', () => {
    const [flow, kafka] = dashboardConfigMaps() as unknown as (K8sObject & { data: Record<string, string> })[];
    const board = JSON.parse(flow.data['tradeflow-flow.json']);
    board.panels[0].targets[0].expr = 'sum by (job (tradeflow_events_produced_total)';
    board.panels[1].targets[0].expr = 'rate(tradeflow_orders_shipped_total[$__rate_interval])';
    const broken = [
      { ...flow, data: { 'tradeflow-flow.json': JSON.stringify(board) } },
      { ...kafka, metadata: { ...kafka.metadata, name: 'copy' }, data: { 'copy.json': JSON.stringify({ ...board, title: 'Copy' }) } },
      { ...kafka, metadata: { ...kafka.metadata, name: 'torn' }, data: { 'torn.json': '{"uid": "torn",' } },
    ];
    const problems = dashboardProblems(broken, repositoryRoot);
    expect(problems).toEqual([
      expect.stringMatching(/^ConfigMap\/torn torn\.json: not JSON/),
      "ConfigMap/copy copy.json: uid tradeflow-flow is also ConfigMap/grafana-dashboard-flow tradeflow-flow.json's",
      expect.stringMatching(/^ConfigMap\/grafana-dashboard-flow tradeflow-flow\.json: panel "Events published, by type" A: promtool refuses/),
      expect.stringMatching(/^ConfigMap\/copy copy\.json: panel "Events published, by type" A: promtool refuses/),
      'metrics nobody exports: tradeflow_orders_shipped_total',
    ]);
  });
});

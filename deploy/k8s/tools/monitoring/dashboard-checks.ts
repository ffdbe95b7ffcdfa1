import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import type { K8sObject } from '../validation/manifests';
import { unknownMetrics } from './metric-catalogue';
import { metricNames } from './promql-names';
import { promtool } from './promtool';

// Dashboard JSON, read as Grafana would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** Grafana's interval variables, as a range Prometheus accepts, so promtool can parse the query. */
const asPromQL = (expr: string) => expr.replace(/\$__(rate_interval|interval|range)/g, '5m');

/**
 * Problems of the dashboards provisioned by ConfigMaps labelled grafana_dashboard: "1": JSON that does
 * not parse, uids or titles used twice, panels without queries, queries promtool refuses, and metric
 * names no service or exporter exports (metric-catalogue.ts).
 */
export function dashboardProblems(objects: K8sObject[], root: string): string[] {
  const problems: string[] = [];
  const boards: { where: string; board: Json }[] = [];
  for (const map of objects.filter((object) => object.kind === 'ConfigMap' && object.metadata.labels?.grafana_dashboard === '1')) {
    for (const [key, text] of Object.entries((map as Json).data ?? {}) as [string, string][]) {
      const where = `ConfigMap/${map.metadata.name} ${key}`;
      try {
        boards.push({ where, board: JSON.parse(text) as Json });
      } catch (error) {
        problems.push(`${where}: not JSON (${(error as Error).message})`);
      }
    }
  }
  if (boards.length === 0) problems.push('no ConfigMap labelled grafana_dashboard: "1" holds a dashboard');
  for (const field of ['uid', 'title']) {
    const seen = new Map<string, string>();
    for (const { where, board } of boards) {
      if (typeof board[field] !== 'string' || !board[field]) problems.push(`${where}: no ${field}`);
      else if (seen.has(board[field])) problems.push(`${where}: ${field} ${board[field]} is also ${seen.get(board[field])}'s`);
      else seen.set(board[field], where);
    }
  }
  const expressions: { where: string; expr: string }[] = [];
  for (const { where, board } of boards) {
    if (typeof board.uid === 'string' && board.uid.length > 40) problems.push(`${where}: uid longer than Grafana's 40 characters`);
    for (const panel of (board.panels ?? []) as Json[]) {
      const targets = (panel.targets ?? []) as Json[];
      if (targets.length === 0 || targets.some((target) => !target.expr)) problems.push(`${where}: panel "${panel.title}" has a target without a query`);
      for (const target of targets.filter((one) => one.expr)) expressions.push({ where: `${where}: panel "${panel.title}" ${target.refId}`, expr: asPromQL(target.expr) });
    }
  }
  const refused = unparsable(expressions);
  problems.push(...refused.map(({ problem }) => problem));
  const parsed = expressions.filter((expression) => !refused.some((one) => one.expression === expression));
  const unknown = unknownMetrics(parsed.flatMap(({ expr }) => metricNames(expr)), root);
  if (unknown.length > 0) problems.push(`metrics nobody exports: ${unknown.join(', ')}`);
  return problems;
}

/** promtool parses each query as a recording rule; one rule per file names the query that fails. */
function unparsable<Expression extends { where: string; expr: string }>(expressions: Expression[]): { expression: Expression; problem: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'tradeflow-dashboards-'));
  try {
    return expressions.flatMap((expression, index) => {
      const file = join(dir, `${index}.rules.yaml`);
      writeFileSync(file, dump({ groups: [{ name: 'dashboard', rules: [{ record: 'dashboard:query', expr: expression.expr }] }] }));
      const check = promtool(['check', 'rules', file]);
      const reason = check.output.trim().split('\n').slice(-1)[0];
      return check.ok ? [] : [{ expression, problem: `${expression.where}: promtool refuses ${expression.expr}: ${reason}` }];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

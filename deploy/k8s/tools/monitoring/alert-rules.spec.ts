import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import { repositoryRoot } from '../kafka-access';
import { unknownMetrics } from './metric-catalogue';
import { metricNames } from './promql-names';
import { promtool } from './promtool';
import { ruleFiles } from './prometheus-rules';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
const rulesOf = (file: string) => (load(readFileSync(file, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);
const testFileOf = (file: string) => file.replace(/\.rules\.yaml$/, '.test.yaml');
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const files = ruleFiles(repositoryRoot);

describe('alert rules (deploy/k8s/base/monitoring/rules)', () => {
  it.each(files.map((file) => [basename(file), file]))('%s passes promtool check rules and its unit tests', (_name, file) => {
    const check = promtool(['check', 'rules', file]);
    expect({ ok: check.ok, output: check.ok ? '' : check.output }).toEqual({ ok: true, output: '' });
    const test = promtool(['test', 'rules', basename(testFileOf(file))], join(file, '..'));
    expect({ ok: test.ok, output: test.ok ? '' : test.output }).toEqual({ ok: true, output: '' });
  });

  it('tests every alert, in the test file of its group', () => {
    const untested = files.flatMap((file) => {
      const tests = readFileSync(testFileOf(file), 'utf8');
      return rulesOf(file)
        .filter((rule) => rule.alert && !tests.includes(`alertname: ${rule.alert}\n`))
        .map((rule) => `${basename(file)}: ${rule.alert}`);
    });
    expect(untested).toEqual([]);
  });

  it('gives every alert a severity, a summary and a runbook that says what it means, how to confirm and how to fix', () => {
    const problems = files.flatMap((file) =>
      rulesOf(file)
        .filter((rule) => rule.alert)
        .flatMap((rule) => {
          const runbook = `docs/runbooks/${kebab(rule.alert!)}.md`;
          const found: string[] = [];
          if (!['critical', 'warning'].includes(rule.labels?.severity ?? '')) found.push('severity is neither critical nor warning');
          if (!rule.annotations?.summary) found.push('no summary');
          if (rule.annotations?.runbook_url !== runbook) found.push(`runbook_url is not ${runbook}`);
          else if (!existsSync(join(repositoryRoot, runbook))) found.push(`${runbook} does not exist`);
          else {
            const text = readFileSync(join(repositoryRoot, runbook), 'utf8');
            for (const section of ['## Meaning', '## Confirm', '## Fix']) if (!text.includes(section)) found.push(`${runbook} has no "${section}"`);
          }
          return found.map((problem) => `${rule.alert}: ${problem}`);
        }),
    );
    expect(problems).toEqual([]);
  });

  it('selects only metrics the services or the exporters export (metric-catalogue.ts)', () => {
    const names = files.flatMap((file) => rulesOf(file).flatMap((rule) => metricNames(rule.expr)));
    expect(names.length).toBeGreaterThan(0);
    expect(unknownMetrics(names, repositoryRoot)).toEqual([]);
  });
});

describe('the rule checks', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tradeflow-rules-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuse a rule that does not parse, and a unit test whose alert does not fire', () => {
    writeFileSync(join(dir, 'broken.rules.yaml'), 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: sum by (job (up)\n');
    expect(promtool(['check', 'rules', join(dir, 'broken.rules.yaml')]).ok).toBe(false);
    writeFileSync(join(dir, 'quiet.rules.yaml'), 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n');
    writeFileSync(
      join(dir, 'quiet.test.yaml'),
      [
        'rule_files: [quiet.rules.yaml]',
        'tests:',
        '  - input_series: [{ series: "up{job=\\"x\\"}", values: "1x5" }]',
        '    alert_rule_test: [{ eval_time: 5m, alertname: A, exp_alerts: [{ exp_labels: { job: x } }] }]',
        '',
      ].join('\n'),
    );
    expect(promtool(['test', 'rules', 'quiet.test.yaml'], dir).ok).toBe(false);
  });

  it('find the metric names of an expression, and no functions, labels, keywords or numbers', () => {
    expect(
      metricNames('sum by (job) (rate(a_total{outcome="failed", x=~"b|c"}[5m])) / on (job) group_left (pod) max(b) > 1e3 and c offset 5m or vector(0)').sort(),
    ).toEqual(['a_total', 'b', 'c']);
    expect(unknownMetrics(['tradeflow_events_consumed_total', 'kafka_consumergroup_lag', 'tradeflow_no_such_thing'], repositoryRoot)).toEqual([
      'tradeflow_no_such_thing',
    ]);
  });
});

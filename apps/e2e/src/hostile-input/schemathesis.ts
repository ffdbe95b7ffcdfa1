import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');
const TOOL = join(ROOT, 'deploy/tools/schemathesis');

export interface FuzzResult {
  operations: number;
  examples: number;
  /** One line per distinct failure: code, title and the operations it was seen on. */
  failures: string[];
  errors: string[];
  seconds: number;
  /** schemathesis' own report, to print when something failed. */
  output: string;
}

/** Installs the pinned schemathesis once (deploy/tools/schemathesis/fetch-schemathesis) and returns its command. */
export async function installSchemathesis(): Promise<string> {
  const { stdout } = await run('sh', [join(TOOL, 'fetch-schemathesis')], { timeout: 300_000 });
  const command = stdout.trim().split('\n').pop();
  if (!command) throw new Error('fetch-schemathesis printed no command');
  return command;
}

/**
 * Fuzzes one service from its own OpenAPI document with every phase (examples, coverage, fuzzing,
 * stateful), positive and negative data, and every check of schemathesis.toml, and reads the run's
 * JSON report. A failing check does not throw: the test asserts on the result.
 */
export async function fuzz(
  command: string,
  serviceUrl: string,
  { maxExamples, seed, headers = {} }: { maxExamples: number; seed: number; headers?: Record<string, string> },
): Promise<FuzzResult> {
  const reportDir = await mkdtemp(join(tmpdir(), 'schemathesis-'));
  const args = [
    '--config-file', join(TOOL, 'schemathesis.toml'),
    'run', `${serviceUrl}/docs-json`,
    '--max-examples', String(maxExamples),
    '--seed', String(seed),
    '--workers', '1',
    '--request-timeout', '15',
    '--report', 'json', '--report-dir', reportDir,
    '--no-color',
    ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
  ];
  try {
    // Exit code 1 means "failures found": the report says which.
    const { stdout } = await run(command, args, { cwd: reportDir, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { code?: number; stdout?: string; stderr?: string }) => {
        if (error.code === 1 && error.stdout !== undefined) return { stdout: error.stdout };
        throw new Error(`schemathesis failed to run (exit ${error.code}): ${error.stderr ?? error}`);
      },
    );
    const [file] = (await readdir(reportDir)).filter((name) => name.endsWith('.json'));
    const report = JSON.parse(await readFile(join(reportDir, file), 'utf8')) as SchemathesisReport;
    return {
      operations: report.operations.tested,
      examples: report.test_cases.generated,
      failures: report.failures.map((failure) => `${failure.code} ${failure.title}: ${failure.operations.join(', ')}`),
      errors: report.errors.map((error) => JSON.stringify(error)),
      seconds: Math.round(report.running_time),
      output: stdout,
    };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** The part of schemathesis' JSON run report this test reads. */
interface SchemathesisReport {
  running_time: number;
  operations: { tested: number };
  test_cases: { generated: number };
  failures: { code: string; title: string; operations: string[] }[];
  errors: unknown[];
}

import type { Reporter, Test, TestResult } from '@jest/reporters';
import type { Config } from '@jest/types';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Loaded by Jest as it is (Node strips the types; reporters are not transformed): Node built-ins only.

/** Set by the integration global setup: where this run keeps the logs of the services its tests start. */
export const SERVICE_LOGS_VARIABLE = 'TRADEFLOW_TEST_LOGS';
const TAIL_LINES = 40;

/** One log per test file, named after it: `<logs>/apps/order/src/…/x.int-spec.ts.log`. */
export function serviceLogFile(logsDir: string, rootDir: string, testPath: string): string {
  return join(logsDir, `${relative(rootDir, testPath)}.log`);
}

/**
 * Services started by tests log to a file per test file (service-logs-setup.ts). A passing file
 * shows nothing of them; for a failing one this prints where its log is and the log's last lines,
 * after Jest's own report of the failure.
 */
export default class ServiceLogsReporter implements Pick<Reporter, 'onTestFileResult' | 'onRunComplete'> {
  private readonly rootDir: string;

  constructor(globalConfig: Config.GlobalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onTestFileResult(test: Test, result: TestResult): void {
    const logsDir = process.env[SERVICE_LOGS_VARIABLE];
    if (!logsDir || (result.numFailingTests === 0 && !result.testExecError)) return;
    const file = serviceLogFile(logsDir, this.rootDir, test.path);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const shown = relative(process.cwd(), file);
    if (lines.length === 0) {
      process.stderr.write(`\nNo service logs of ${relative(this.rootDir, test.path)} (${shown} is empty or absent).\n`);
      return;
    }
    const tail = lines.slice(-TAIL_LINES);
    process.stderr.write(`\nService logs of ${relative(this.rootDir, test.path)}: last ${tail.length} of ${lines.length} lines of ${shown}\n`);
    process.stderr.write(`${tail.join('\n')}\n\n`);
  }

  onRunComplete(): void {
    const logsDir = process.env[SERVICE_LOGS_VARIABLE];
    if (logsDir && existsSync(logsDir)) process.stderr.write(`Service logs of this run: ${relative(process.cwd(), logsDir)}\n`);
  }
}

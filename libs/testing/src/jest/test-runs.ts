import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopInfrastructure } from '../infra/infrastructure';
import { defaultStateDir } from '../infra/layout';

/** Each test run gets `<stateDir>/test-runs/<jest pid>`, so two runs at once never share servers or data. */
export function testRunDir(pid = process.pid): string {
  return join(defaultStateDir(), 'test-runs', String(pid));
}

/** The logs of the services a run's tests start, one file per test file; kept after the run. */
export function testRunLogsDir(): string {
  return join(testRunDir(), 'logs');
}

/** Stops and deletes what runs killed before their teardown left behind, and the logs of earlier runs. */
export async function removeAbandonedTestRuns(): Promise<void> {
  const parent = join(defaultStateDir(), 'test-runs');
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    if (isAlive(Number(entry))) continue;
    await stopInfrastructure(join(parent, entry));
    rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

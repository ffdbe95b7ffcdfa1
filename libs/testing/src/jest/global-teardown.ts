import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { testRunDir, testRunLogsDir } from './test-runs';

/**
 * Stops what global setup started and deletes the run's data but its service logs, which stay for
 * reading until the next run starts; nothing given by the environment is touched.
 */
export default async function globalTeardown(): Promise<void> {
  await globalThis.tradeflowTestInfrastructure?.stop();
  globalThis.tradeflowTestInfrastructure = undefined;
  const runDir = testRunDir();
  for (const entry of existsSync(runDir) ? readdirSync(runDir) : []) {
    if (entry !== basename(testRunLogsDir())) rmSync(join(runDir, entry), { recursive: true, force: true });
  }
}

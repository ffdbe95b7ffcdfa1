import { rmSync } from 'node:fs';
import { testRunDir } from './test-runs';

/** Stops what global setup started and deletes the run's data; nothing given by the environment is touched. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.tradeflowTestInfrastructure?.stop();
  globalThis.tradeflowTestInfrastructure = undefined;
  rmSync(testRunDir(), { recursive: true, force: true });
}

import { join, resolve } from 'node:path';
import { homedir } from 'node:os';

/** The workspace root, found from this file so it works from jest, scripts and any cwd. */
export const repositoryRoot = resolve(__dirname, '../../../..');

/** Where pid files, logs and data of the local infrastructure live (git-ignored). */
export function defaultStateDir(): string {
  return resolve(process.env.TRADEFLOW_STATE_DIR ?? join(repositoryRoot, '.tradeflow'));
}

/** Where deploy/local/fetch-infra puts Kafka and the registry; outside git so `git clean` keeps it. */
export function cacheDir(): string {
  return resolve(process.env.TRADEFLOW_CACHE ?? join(homedir(), '.cache', 'tradeflow'));
}

/** One folder per component: `<stateDir>/<component>/` holds its config, data and `<component>.log`. */
export function componentDir(stateDir: string, component: string): string {
  return join(stateDir, component);
}

import { spawnSync } from 'node:child_process';

/**
 * Runs promtool (Debian package `prometheus`; .ci/run installs it). Returns its output and whether
 * it succeeded; a missing promtool is an error, not a pass.
 */
export function promtool(args: string[], cwd?: string): { ok: boolean; output: string } {
  const run = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool not runnable (${run.error.message}): apt-get install --no-install-recommends prometheus`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

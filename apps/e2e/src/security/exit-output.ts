import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * Starts a service as `npm start` does with exactly `env` (and PATH), for a start that must fail
 * (a bad setting), and returns everything it printed once it exited.
 */
export async function exitOutput(app: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--require', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return `${output}\n(exit ${code})`;
}

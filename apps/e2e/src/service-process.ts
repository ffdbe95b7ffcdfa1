import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually, freePorts } from '@tradeflow/testing';

const ROOT = join(__dirname, '../../..');

export interface ServiceProcess {
  url: string;
  /** Prometheus text, served on METRICS_PORT apart from the API. */
  metricsUrl: string;
  /** SIGTERM: the service finishes its batch, commits and leaves its consumer group. */
  stop(): Promise<void>;
  output(): string;
}

/** How a service's process is started: its command line and the environment it starts from. */
export interface Launch {
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
}

/** As `npm start` does: the app's main.ts on this Node, through swc. */
export function sourceLaunch(app: string): Launch {
  return { command: process.execPath, args: ['--require', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], env: process.env };
}

/**
 * Runs one service as its own process, exactly as `npm start` does (same main.ts, configured only
 * by environment) unless `launch` says otherwise (a container image's filesystem), and waits until
 * /health/ready says its database and broker are reachable.
 */
export async function startServiceProcess(app: string, env: Record<string, string>, launch = sourceLaunch(app)): Promise<ServiceProcess> {
  const [port, metricsPort] = await freePorts(2);
  const child: ChildProcess = spawn(launch.command, launch.args, {
    cwd: ROOT,
    env: { ...launch.env, ...env, PORT: String(port), METRICS_PORT: String(metricsPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${output}`);
        return (await fetch(`${url}/health/ready`)).status;
      },
      (status) => status === 200,
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${app} did not become ready: ${(error as Error).message}\n${output}`);
  }
  return {
    url,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

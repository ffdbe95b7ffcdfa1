import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { repositoryRoot } from '../infra/layout';
import { freePorts } from '../infra/ports';

const MAIN = join(__dirname, 'fixture-main.ts');

/** A line the process wrote, with when it arrived (ms after the spawn). */
export interface OutputLine {
  atMs: number;
  text: string;
}

/** The fixture service as its own process, started as every main.ts is (telemetry first, then the app). */
export interface FixtureProcess {
  child: ChildProcess;
  url: string;
  metricsUrl: string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** stdout's lines so far. */
  lines(): OutputLine[];
  /** stdout and stderr as one text, for failure messages. */
  output(): string;
  /** Probes a route of the API; a refused connection (still starting, or stopped) reads as status 0. */
  status(path: string): Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns the fixture service with `env` on free API and metrics ports; does not wait for it to be ready. */
export async function startFixtureProcess(env: Record<string, string>): Promise<FixtureProcess> {
  const [port, metricsPort] = await freePorts(2);
  const started = Date.now();
  const child = spawn(process.execPath, ['--require', '@swc-node/register', MAIN], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env, PORT: String(port), METRICS_PORT: String(metricsPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: OutputLine[] = [];
  let pending = '';
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) lines.push({ atMs: Date.now() - started, text });
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = `http://127.0.0.1:${port}`;
  return {
    child,
    url,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    exited,
    lines: () => [...lines],
    output: () => output,
    status: async (path) => (await fetch(`${url}${path}`).catch(() => undefined))?.status ?? 0,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

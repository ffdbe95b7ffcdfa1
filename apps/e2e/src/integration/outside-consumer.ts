import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../../../..');
const EXAMPLE = join(ROOT, 'deploy/examples/python-consumer');

/** One line the example prints per event it has not seen before. */
export interface PrintedEvent {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  schemaId: number;
  eventType: string;
  eventId: string;
  orderId: string | null;
  event: Record<string, unknown>;
}

export interface RunningConsumer {
  printed: PrintedEvent[];
  stderr: string[];
  stop(): Promise<void>;
}

/** Installs the pinned confluent-kafka and fastavro once (fetch-python-consumer) and returns the venv's python. */
export async function installPythonConsumer(): Promise<string> {
  const { stdout } = await promisify(execFile)('sh', [join(EXAMPLE, 'fetch-python-consumer')], { timeout: 300_000 });
  const python = stdout.trim().split('\n').pop();
  if (!python) throw new Error('fetch-python-consumer printed no python');
  return python;
}

/** Runs deploy/examples/python-consumer/tradeflow_consumer.py with the given settings, collecting what it prints. */
export function startPythonConsumer(python: string, env: Record<string, string>): RunningConsumer {
  const child: ChildProcess = spawn(python, [join(EXAMPLE, 'tradeflow_consumer.py')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed: PrintedEvent[] = [];
  const stderr: string[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) printed.push(JSON.parse(line) as PrintedEvent);
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    printed,
    stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

import { defaultStateDir, freePorts, startProcess, stopProcess, waitUntilReady } from '@tradeflow/testing';
import { join } from 'node:path';
import type { BenchInfrastructure } from '../environment/bench-infrastructure';
import { stopOnInterrupt } from '../environment/interrupts';
import type { ScratchResources } from '../environment/scratch-resources';
import { benchServiceEnv, mainOf } from '../saga/saga-stack';

export interface OrderService {
  url: string;
  databaseUrl: string;
  logDir: string;
  stop(): Promise<void>;
}

/** The order service alone, as a process started exactly as the saga starts it, on a fresh database. */
export async function startOrderService(infrastructure: BenchInfrastructure, scratch: ScratchResources, runId: string): Promise<OrderService> {
  const prefix = `bench-${runId}-orders.`;
  scratch.ownTopicsUnder(prefix);
  const databaseUrl = await scratch.database(`bench_orders_${runId}`);
  const [port] = await freePorts(1);
  const logDir = join(defaultStateDir(), 'bench', 'orders');
  const running = startProcess({
    name: 'order',
    command: process.execPath,
    args: ['--require', '@swc-node/register', mainOf('order')],
    stateDir: logDir,
    env: benchServiceEnv('order', infrastructure, prefix, databaseUrl, port),
    detached: false,
  });
  const stop = async () => {
    interrupted();
    await stopProcess(logDir, 'order', 'SIGTERM', 15_000);
  };
  const interrupted = stopOnInterrupt(stop);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(running, async () => (await fetch(`${url}/health/ready`)).ok, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl, logDir, stop };
}

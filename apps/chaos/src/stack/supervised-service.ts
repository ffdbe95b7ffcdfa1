import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '../../../..');

/** Should the run itself die (a bug, Ctrl-C), its services must not live on as orphans. */
const living = new Set<ChildProcess>();
process.once('exit', () => living.forEach((child) => child.kill('SIGKILL')));
const READY_TIMEOUT_MS = 300_000;

/**
 * One service as its own process on fixed ports (so callers keep one URL across restarts),
 * started as `npm start` does: same main.ts, configured only by environment. Like an orchestrator,
 * it starts the service again when it exits on its own, and counts that as a crash.
 */
export class SupervisedService {
  /** Exits nobody asked for, with the time and how the process ended. */
  readonly crashes: string[] = [];
  private child?: ChildProcess;
  private exited: Promise<unknown> = Promise.resolve();
  private killing = false;
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly ports: { port: number; metricsPort: number },
    private readonly env: Record<string, string>,
    readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.ports.port}`;
  }

  /** Prometheus text (METRICS_PORT), apart from the API. */
  get metricsUrl(): string {
    return `http://127.0.0.1:${this.ports.metricsPort}/metrics`;
  }

  /** Ready (answering /health/ready) since its last start. */
  ready = false;
  private readiness: Promise<void> = Promise.resolve();

  async start(): Promise<void> {
    this.spawnChild();
    await this.readiness;
  }

  /**
   * SIGKILL — no shutdown hook runs, the batch in flight and its offsets are lost — then start it
   * again after `pauseMs`. Resolves once it has been started, with `readyAgain` for when it answers.
   */
  async kill(pauseMs: number): Promise<{ readyAgain: Promise<void> }> {
    if (!this.child) return { readyAgain: this.readiness };
    this.killing = true;
    this.child.kill('SIGKILL');
    await this.exited;
    this.killing = false;
    await sleep(pauseMs);
    this.spawnChild();
    return { readyAgain: this.readiness };
  }

  /** SIGTERM: the service finishes its batch and leaves its group (end of the run). */
  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const ended = await Promise.race([this.exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!ended) child.kill('SIGKILL');
    await this.exited;
  }

  private spawnChild(): void {
    const log = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, ['--require', '@swc-node/register', join(ROOT, 'apps', this.name, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.ports.port), METRICS_PORT: String(this.ports.metricsPort), HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    living.add(child);
    this.ready = false;
    this.exited = once(child, 'exit');
    this.readiness = this.waitUntilReady(child);
    // Handled here too: after a crash nobody may be waiting for it (the next start's caller is).
    this.readiness.catch(() => undefined);
    child.on('exit', (code, signal) => {
      living.delete(child);
      if (this.child !== child) return;
      this.child = undefined;
      if (this.killing || this.stopped) return;
      this.crashes.push(`${new Date().toISOString()} ${signal ?? `exit code ${code}`}`);
      // Back again after a second, as a Kubernetes restart would (without its growing back-off).
      setTimeout(() => {
        if (!this.child && !this.stopped) this.spawnChild();
      }, 1000).unref();
    });
  }

  /** Until /health/ready answers 200 (database and broker reachable), or this child is gone. */
  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline && this.child === child) {
      const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready && this.child === child) {
        this.ready = true;
        return;
      }
      await sleep(250);
    }
    // A crash meanwhile: the supervisor's new child has its own wait.
    if (this.child !== child) return this.child ? this.readiness : undefined;
    throw new Error(`${this.name} was not ready after ${READY_TIMEOUT_MS / 1000} s; see ${this.logFile}`);
  }
}

import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { stopOnInterrupt } from '../environment/interrupts';
import type { ContenderCommand, ContenderReply } from './contender-main';
import type { ContenderName } from './hop-events';

const ROOT = join(__dirname, '../../../..');

/** The bench's handle on a contender process: start and stop it between phases, then let it exit. */
export class ContenderProcess {
  private output = '';

  private constructor(
    private readonly name: ContenderName,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      if (process.env.BENCH_DEBUG) process.stderr.write(`[${name}] ${chunk.toString()}`);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async fork(name: ContenderName, env: Record<string, string>, cpuProfileDir?: string): Promise<ContenderProcess> {
    const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    const child = fork(join(__dirname, 'contender-main.ts'), [name], {
      cwd: ROOT,
      execArgv: ['--require', '@swc-node/register', ...profiling],
      env: { ...process.env, ...env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // A forked child outlives an interrupted bench: it would go on holding its database and topics.
    const interrupted = stopOnInterrupt(async () => void child.kill('SIGKILL'));
    child.once('exit', interrupted);
    const contender = new ContenderProcess(name, child);
    await contender.reply(undefined);
    return contender;
  }

  start(): Promise<void> {
    return this.command('start');
  }

  stop(): Promise<void> {
    return this.command('stop');
  }

  /** Stops the contender gracefully and waits for the process to end (and write its CPU profile). */
  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.command('exit');
    await exited;
  }

  /** Everything the process wrote, for the report when something broke. */
  logs(): string {
    return this.output;
  }

  private async command(command: ContenderCommand): Promise<void> {
    const answered = this.reply(command);
    this.child.send(command);
    await answered;
  }

  private reply(command: ContenderCommand | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: ContenderReply) => {
        if (message.state === 'failed') finish(new Error(`${this.name} failed: ${message.error}`));
        else if (message.state === 'loaded' ? command === undefined : message.command === command) finish();
      };
      const onExit = (code: number | null) => finish(new Error(`${this.name} exited (${code}) during ${command ?? 'load'}:\n${this.output.slice(-3000)}`));
      const finish = (error?: Error) => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
    });
  }
}

import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { componentDir } from './layout';

export interface ProcessSpec {
  /** Names the pid file and the log: `<stateDir>/<name>/<name>.pid|.log`. */
  name: string;
  command: string;
  args: string[];
  stateDir: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Postgres refuses to run as root, so as root it runs as the `postgres` user. */
  user?: { uid: number; gid: number };
  /**
   * Detached: own process group, survives the starting process (the local stack, stopped by pid file).
   * Attached: same process group, so Ctrl-C on a test run stops it too.
   */
  detached: boolean;
}

export interface RunningProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Where this start's output begins in the log (earlier starts stay above it). */
  logOffset: number;
  /** Set once the process has ended, e.g. "exit code 1". */
  exit?: string;
}

export function pidFile(stateDir: string, name: string): string {
  return join(componentDir(stateDir, name), `${name}.pid`);
}

export function logFile(stateDir: string, name: string): string {
  return join(componentDir(stateDir, name), `${name}.log`);
}

export function startProcess(spec: ProcessSpec): RunningProcess {
  mkdirSync(componentDir(spec.stateDir, spec.name), { recursive: true });
  const log = logFile(spec.stateDir, spec.name);
  // Appended to, so a restart keeps what the previous run said before it died; a failure shows this run's part only.
  const logOffset = existsSync(log) ? statSync(log).size : 0;
  appendFileSync(log, `${logOffset > 0 ? '\n' : ''}--- ${spec.name} starting ${new Date().toISOString()} ---\n`);
  const output = openSync(log, 'a');
  const child = spawn(spec.command, spec.args, {
    env: { ...process.env, ...spec.env },
    // Relative files a server writes (JVM crash logs, H2 traces) stay in its own folder.
    cwd: componentDir(spec.stateDir, spec.name),
    stdio: ['ignore', output, output],
    detached: spec.detached,
    uid: spec.user?.uid,
    gid: spec.user?.gid,
  });
  closeSync(output);
  if (child.pid === undefined) throw new Error(`could not start ${spec.name} (${spec.command}); see ${log}`);
  const running: RunningProcess = { name: spec.name, pid: child.pid, logFile: log, logOffset };
  child.on('error', (error) => (running.exit = error.message));
  child.on('exit', (code, signal) => (running.exit = signal ? `signal ${signal}` : `exit code ${code}`));
  if (spec.detached) child.unref();
  // The command line is kept beside the pid to recognise the process later (pids get reused).
  const launchedAs = normalise([spec.command, ...spec.args].join(' '));
  writeFileSync(pidFile(spec.stateDir, spec.name), `${child.pid}\n${launchedAs}\n`);
  return running;
}

/** Polls `isReady` until it holds; fails early with the log's tail when the process dies first. */
export async function waitUntilReady(
  running: RunningProcess,
  isReady: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.exit) {
      throw new Error(`${running.name} stopped (${running.exit}) before it was ready\n${logTail(running)}`);
    }
    if (await isReady().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${running.name} was not ready after ${timeoutMs / 1000}s\n${logTail(running)}`);
}

/** The pid from the pid file when that process is still alive and still the one we started. */
export function runningPid(stateDir: string, name: string): number | undefined {
  const file = pidFile(stateDir, name);
  if (!existsSync(file)) return undefined;
  const [pidLine, launchedAs] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  return Number.isInteger(pid) && pid > 0 && commandLine(pid) === launchedAs ? pid : undefined;
}

/** Signals the process, waits for it to end, and kills it after `graceMs`. Returns whether it was running. */
export async function stopProcess(
  stateDir: string,
  name: string,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<boolean> {
  const pid = runningPid(stateDir, name);
  if (pid !== undefined) {
    process.kill(pid, signal);
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await sleep(50);
    }
  }
  rmSync(pidFile(stateDir, name), { force: true });
  return pid !== undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return commandLine(pid) !== undefined;
  } catch {
    return false;
  }
}

/** `ps` rather than /proc so this also works on macOS; undefined for a dead or zombie process. */
function commandLine(pid: number): string | undefined {
  try {
    // -ww: never cut long command lines (a Java classpath) to the terminal's width.
    const output = execFileSync('ps', ['-ww', '-o', 'stat=,args=', '-p', String(pid)], { encoding: 'utf8' });
    const [state, ...args] = normalise(output).split(' ');
    return state.startsWith('Z') ? undefined : args.join(' ');
  } catch {
    return undefined;
  }
}

function normalise(commandLine: string): string {
  return commandLine.trim().split(/\s+/).join(' ');
}

function logTail({ logFile: file, logOffset }: RunningProcess, lines = 30): string {
  if (!existsSync(file)) return `(no log at ${file})`;
  const tail = readFileSync(file).subarray(logOffset).toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  return `last lines of ${file}:\n${tail}`;
}

/** Resident memory in MiB of the process and its direct children (Postgres runs one process per worker). */
export function residentMemoryMb(pid: number): number {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const kib = rows.filter(([id, parent]) => id === pid || parent === pid).reduce((sum, [, , rss]) => sum + rss, 0);
  return Math.round(kib / 1024);
}

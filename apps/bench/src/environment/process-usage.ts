import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms on every architecture Node runs on. */
const MS_PER_TICK = 10;

export interface WatchedProcess {
  /** As the report names it: a service, kafka, registry, postgres, the bench itself. */
  name: string;
  pid: number;
  /** Postgres works in one process per connection: its children's CPU counts as its own. */
  withChildren?: boolean;
}

export interface UsageSnapshot {
  /** CPU milliseconds (user + system) so far, by process name. */
  cpuMs: Map<string, number>;
  /** Peak resident memory (VmHWM) so far in MiB, by process name; for Postgres the sum of its processes' current RSS. */
  peakRssMb: Map<string, number>;
}

interface ProcStat {
  pid: number;
  ppid: number;
  /** Own CPU, and that of children it waited for (exited Postgres backends). */
  ownMs: number;
  reapedMs: number;
}

/** CPU and memory of the processes a run started, from /proc (empty figures elsewhere). */
export function usageOf(processes: WatchedProcess[]): UsageSnapshot {
  const snapshot: UsageSnapshot = { cpuMs: new Map(), peakRssMb: new Map() };
  const needChildren = processes.some((watched) => watched.withChildren);
  const all = needChildren ? allStats() : [];
  for (const watched of processes) {
    const own = readStat(watched.pid);
    if (!own) continue;
    if (watched.withChildren) {
      const children = all.filter((stat) => stat.ppid === watched.pid);
      snapshot.cpuMs.set(watched.name, own.ownMs + own.reapedMs + children.reduce((sum, child) => sum + child.ownMs, 0));
      snapshot.peakRssMb.set(watched.name, [watched.pid, ...children.map((child) => child.pid)].reduce((sum, pid) => sum + statusMb(pid, 'VmRSS'), 0));
    } else {
      snapshot.cpuMs.set(watched.name, own.ownMs + own.reapedMs);
      snapshot.peakRssMb.set(watched.name, statusMb(watched.pid, 'VmHWM'));
    }
  }
  return snapshot;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = (field: number) => Number(fields[field - 3]);
    return { pid, ppid: ticks(4), ownMs: (ticks(14) + ticks(15)) * MS_PER_TICK, reapedMs: (ticks(16) + ticks(17)) * MS_PER_TICK };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => readStat(Number(entry)) ?? []);
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

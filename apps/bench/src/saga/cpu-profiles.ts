import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of a V8 .cpuprofile (what `node --cpu-prof` writes) the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** Microseconds on the monotonic clock, which process.hrtime reads too. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** Share of the profile's sampled time spent in the function itself, idle excluded. */
  selfShare: number;
}

/** Nothing to see: the process waiting for work. */
const IDLE = new Set(['(idle)']);

/** Now on the clock a .cpuprofile's times are on. */
export function profileClockMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * The functions a service spent most of its own time in from `fromMicros` on (profileClockMicros;
 * start-up, which compiles every module, would otherwise lead), from the .cpuprofile files it wrote
 * into `dir` when it exited (BENCH_SERVICE_PROF=1). Summed by function and place over every file.
 */
export function hottestFunctions(dir: string, fromMicros: number, top = 5): HotFunction[] {
  if (!existsSync(dir)) return [];
  const selfMicros = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const names = new Map(profile.nodes.map(({ id, callFrame }) => [id, describe(callFrame)]));
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      at += micros;
      const name = names.get(id) ?? '(unknown)';
      if (at < fromMicros || IDLE.has(name)) return;
      selfMicros.set(name, (selfMicros.get(name) ?? 0) + micros);
      total += micros;
    });
  }
  return [...selfMicros]
    .sort((left, right) => right[1] - left[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, selfShare: total === 0 ? 0 : micros / total }));
}

function describe({ functionName, url, lineNumber }: CpuProfile['nodes'][number]['callFrame']): string {
  if (!url) return functionName || '(anonymous)';
  const place = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
  return `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
}

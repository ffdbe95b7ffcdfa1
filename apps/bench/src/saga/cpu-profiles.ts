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

export interface ProfileSummary {
  /** The functions with the most self time. */
  functions: HotFunction[];
  /** Self time by where the code lives: an npm package, Node's own modules, native work (system calls, GC), the repository's code. */
  places: HotFunction[];
}

/**
 * Where a service spent its own time from `fromMicros` on (profileClockMicros; start-up, which
 * compiles every module, would otherwise lead), from the .cpuprofile files it wrote into `dir` when
 * it exited (BENCH_SERVICE_PROF=1), summed over every file.
 */
export function summariseProfiles(dir: string, fromMicros: number, top = 5): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')) : [];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map(({ id, callFrame }) => [id, callFrame]));
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      at += micros;
      const frame = frames.get(id);
      if (!frame || at < fromMicros || IDLE.has(frame.functionName)) return;
      add(byFunction, describe(frame), micros);
      add(byPlace, placeOf(frame.url), micros);
      total += micros;
    });
  }
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((left, right) => right[1] - left[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, selfShare: total === 0 ? 0 : micros / total }));
  return { functions: ranked(byFunction), places: ranked(byPlace) };
}

function add(totals: Map<string, number>, key: string, micros: number): void {
  totals.set(key, (totals.get(key) ?? 0) + micros);
}

function placeOf(url: string): string {
  const dependency = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return 'Node itself';
  return url ? 'Tradeflow code' : 'native (system calls, GC)';
}

function describe({ functionName, url, lineNumber }: CpuProfile['nodes'][number]['callFrame']): string {
  if (!url) return functionName || '(anonymous)';
  const place = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
  return `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
}

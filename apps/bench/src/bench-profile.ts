import type { ContenderName } from './hop/hop-events';
import { CONTENDERS } from './hop/hop-events';
import type { LoadProfileName } from './saga/load-profiles';
import { LOAD_PROFILES } from './saga/load-profiles';

export const SECTIONS = ['codec', 'hop', 'saga', 'orders'] as const;
export type Section = (typeof SECTIONS)[number];

export interface CodecProfile {
  /** Time spent measuring each operation of each event type, after as long again of warm-up. */
  measureMs: number;
}

export interface HopProfile {
  /** BENCH_HOP_CONTENDERS narrows the run (e.g. to `ours` while profiling); the report needs all three for ratios. */
  contenders: ContenderName[];
  partitions: number;
  /** Events preloaded for the warm-up run that also estimates the contender's rate. */
  warmupEvents: number;
  /** The warm-up stops this long after its first output even if events are left. */
  warmupMs: number;
  /** Throughput is outputs counted over this window, from the first output of the measured run. */
  windowSeconds: number;
  /** Bounds on the events preloaded for the measured run (the estimate fills the window and a margin). */
  minEvents: number;
  maxEvents: number;
  /** Latency is measured at this fixed rate, the same for every contender. */
  latencyRate: number;
  latencySeconds: number;
  /** Longest wait for every input's output once a phase has sent everything. */
  drainTimeoutSeconds: number;
}

export interface SagaProfile {
  /**
   * Open-model order rates, each held for stepSeconds; stepping stops at the first rate missing the
   * p99 goal. When even the first misses, the rate is halved until one holds or lowestRate is passed.
   */
  rates: number[];
  lowestRate: number;
  stepSeconds: number;
  warmupOrders: number;
  p99LimitMs: number;
  drainTimeoutSeconds: number;
  /** Who orders what (BENCH_SAGA_PROFILES); each runs on a fresh stack. */
  loadProfiles: LoadProfileName[];
  /** Longest wait for the flow to come to rest (outboxes published, consumers caught up) before and after a step. */
  restTimeoutSeconds: number;
  /** Wait before reading Postgres' counters at the end of a step, so its statistics are flushed. */
  statisticsFlushMs: number;
}

export interface OrdersProfile {
  /** Orders seeded before the console's searches are asked (BENCH_ORDERS). */
  orders: number;
  /** Unmeasured requests of each search first, then measured ones. */
  warmup: number;
  repeats: number;
  /** How many pages the nextAfterId search follows. */
  pagesDeep: number;
  /** Issue 20: the orders list answers in under this at 100k orders. */
  p99LimitMs: number;
}

export interface BenchProfile {
  smoke: boolean;
  sections: Section[];
  codec: CodecProfile;
  hop: HopProfile;
  saga: SagaProfile;
  orders: OrdersProfile;
  /** When set, contenders run with --cpu-prof and write their profiles here. */
  cpuProfileDir?: string;
}

/** The full run measures; the smoke run exercises the same paths with tiny windows (minutes, mostly starting stacks). */
export function benchProfile(smoke: boolean, sections: Section[] = [...SECTIONS], env = process.env): BenchProfile {
  const number = (name: string, fallback: number) => positive(env, name, fallback);
  return {
    smoke,
    sections,
    codec: { measureMs: smoke ? 2 : 100 },
    hop: {
      contenders: contenders(env),
      partitions: 3,
      warmupEvents: smoke ? 100 : 20_000,
      warmupMs: smoke ? 1000 : 6000,
      windowSeconds: number('BENCH_HOP_WINDOW_SECONDS', smoke ? 1 : 20),
      minEvents: smoke ? 200 : 5000,
      maxEvents: smoke ? 2000 : 600_000,
      latencyRate: number('BENCH_LATENCY_RATE', smoke ? 50 : 300),
      latencySeconds: number('BENCH_LATENCY_SECONDS', smoke ? 1 : 10),
      drainTimeoutSeconds: smoke ? 30 : 120,
    },
    saga: {
      rates: rates(env, smoke ? [10] : [10, 20, 40, 80, 160]),
      lowestRate: smoke ? 10 : 2.5,
      stepSeconds: number('BENCH_SAGA_STEP_SECONDS', smoke ? 2 : 15),
      warmupOrders: smoke ? 3 : 30,
      p99LimitMs: 500,
      drainTimeoutSeconds: smoke ? 30 : 45,
      loadProfiles: loadProfiles(env),
      restTimeoutSeconds: smoke ? 60 : 120,
      statisticsFlushMs: smoke ? 0 : 11_000,
    },
    orders: { orders: number('BENCH_ORDERS', smoke ? 2000 : 100_000), warmup: smoke ? 1 : 5, repeats: smoke ? 3 : 30, pagesDeep: 5, p99LimitMs: 300 },
    cpuProfileDir: env.BENCH_CPU_PROFILE_DIR || undefined,
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function contenders(env: NodeJS.ProcessEnv): ContenderName[] {
  const raw = env.BENCH_HOP_CONTENDERS;
  if (!raw) return [...CONTENDERS];
  const named = raw.split(',');
  const unknown = named.filter((name) => !(CONTENDERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_HOP_CONTENDERS names unknown contenders: ${unknown.join(', ')} (known: ${CONTENDERS.join(', ')})`);
  return named as ContenderName[];
}

function loadProfiles(env: NodeJS.ProcessEnv): LoadProfileName[] {
  const raw = env.BENCH_SAGA_PROFILES;
  if (!raw) return [...LOAD_PROFILES];
  const named = raw.split(',');
  const unknown = named.filter((name) => !(LOAD_PROFILES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_SAGA_PROFILES names unknown load profiles: ${unknown.join(', ')} (known: ${LOAD_PROFILES.join(', ')})`);
  return named as LoadProfileName[];
}

function rates(env: NodeJS.ProcessEnv, fallback: number[]): number[] {
  const raw = env.BENCH_SAGA_RATES;
  if (!raw) return fallback;
  const values = raw.split(',').map(Number);
  if (values.some((value) => !Number.isFinite(value) || value <= 0)) {
    throw new Error(`BENCH_SAGA_RATES must be a comma-separated list of orders per second, got "${raw}"`);
  }
  return values;
}

/** `--smoke` and `--only=codec,hop` from the command line; anything else is refused with the usage. */
export function parseArguments(argv: string[]): { smoke: boolean; sections: Section[] } {
  let smoke = false;
  let sections: Section[] = [...SECTIONS];
  for (const argument of argv) {
    if (argument === '--smoke') smoke = true;
    else if (argument.startsWith('--only=')) {
      const named = argument.slice('--only='.length).split(',');
      const unknown = named.filter((name) => !(SECTIONS as readonly string[]).includes(name));
      if (unknown.length > 0 || named.length === 0) throw new Error(`unknown section(s): ${unknown.join(', ')}`);
      sections = named as Section[];
    } else throw new Error(`usage: bench [--smoke] [--only=${SECTIONS.join(',')}]; unknown argument ${argument}`);
  }
  return { smoke, sections };
}

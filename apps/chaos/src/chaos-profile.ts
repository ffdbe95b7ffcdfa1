import { parseArgs } from 'node:util';

/** How hard and how long a chaos run pushes. */
export interface ChaosProfile {
  name: string;
  /** Orders are placed (open model) and faults injected for this long. */
  loadSeconds: number;
  ordersPerSecond: number;
  /** Mean gap between two service kills (each followed by a restart). */
  killEverySeconds: number;
  brokerRestarts: number;
  postgresRestarts: number;
  /** How long Kafka or Postgres stays down before it is started again. */
  outageSeconds: number;
  customers: number;
  /** After the load: how long the system may take to settle before the run fails. */
  drainTimeoutSeconds: number;
}

/** CI: a minute of load with a few kills and one of each infrastructure restart. */
export const SHORT: ChaosProfile = {
  name: 'short',
  loadSeconds: 45,
  ordersPerSecond: 4,
  killEverySeconds: 7,
  brokerRestarts: 1,
  postgresRestarts: 1,
  outageSeconds: 5,
  customers: 5,
  drainTimeoutSeconds: 300,
};

/** On demand: ≥ 20 minutes and ≥ 20k orders, at a rate 2 cores keep up with under faults. */
export const FULL: ChaosProfile = {
  name: 'full',
  loadSeconds: 88 * 60,
  ordersPerSecond: 3.8,
  killEverySeconds: 10,
  brokerRestarts: 3,
  postgresRestarts: 1,
  outageSeconds: 10,
  customers: 40,
  // A backlog built under faults clears at a few orders a second on 2 cores: allow an hour.
  drainTimeoutSeconds: 3600,
};

export const USAGE = `usage: npm run chaos -- [--short] [--minutes <m>] [--rate <orders/s>] [--kill-every <s>]
  (default: the full run, ${FULL.loadSeconds / 60} min at ${FULL.ordersPerSecond} orders/s, a kill every ${FULL.killEverySeconds} s)`;

/** `--short`, or the full profile with its length, rate and kill interval optionally changed. */
export function profileFromArguments(argv: readonly string[]): ChaosProfile {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      short: { type: 'boolean' },
      minutes: { type: 'string' },
      rate: { type: 'string' },
      'kill-every': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const base = values.short ? SHORT : FULL;
  const positive = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!(parsed > 0)) throw new Error(`--${name}: "${value}" is not a positive number\n${USAGE}`);
    return parsed;
  };
  const loadSeconds = Math.round(positive('minutes', values.minutes, base.loadSeconds / 60) * 60);
  const ordersPerSecond = positive('rate', values.rate, base.ordersPerSecond);
  const killEverySeconds = positive('kill-every', values['kill-every'], base.killEverySeconds);
  const changed = loadSeconds !== base.loadSeconds || ordersPerSecond !== base.ordersPerSecond || killEverySeconds !== base.killEverySeconds;
  const name = changed ? `${base.name} (${loadSeconds / 60} min at ${ordersPerSecond}/s, a kill every ${killEverySeconds} s)` : base.name;
  return { ...base, name, loadSeconds, ordersPerSecond, killEverySeconds };
}

import type { ChaosProfile } from '../chaos-profile';
import type { DrainResult } from '../checks/drain';
import type { Findings } from '../checks/effect-checks';
import type { ReconcileRun } from '../checks/run-reconcile';
import type { SystemSnapshot } from '../checks/system-snapshot';
import type { FaultTally } from '../faults/fault-scheduler';
import type { OrderLoad, Replenisher } from '../load/order-load';
import type { RetryingHttp } from '../load/retrying-http';
import type { StockLedger } from '../load/stock-ledger';
import type { ChaosStack } from '../stack/chaos-stack';

export interface ChaosResult {
  profile: string;
  minutes: number;
  orders: number;
  ordersByIntent: Record<string, number>;
  kills: number;
  killsByService: Record<string, number>;
  brokerRestarts: number;
  postgresRestarts: number;
  /** Exits nobody asked for (the supervisor restarted them), per service. */
  crashes: Record<string, string[]>;
  /** Writes sent again after a failed attempt, with the same key; their extra attempts; read retries. */
  retriedRequests: number;
  retryAttempts: number;
  readRetries: number;
  failureReasons: Record<string, number>;
  lost: number;
  duplicatedEffects: number;
  /** From the end of the last fault until the system was at rest; undefined if it never was. */
  drainSeconds?: number;
  events: { produced: number; consumed: number; unbalanced: string[] };
  documents: { shipments: number; invoices: number; creditNotes: number; payments: number; receipts: number };
  deadLetters: number;
  reconcile: ReconcileRun;
  /** Every broken promise; the run passes when this is empty. */
  violations: string[];
  logDir: string;
}

interface Tally {
  profile: ChaosProfile;
  startedAt: number;
  logDir: string;
  load: OrderLoad;
  faults: FaultTally;
  drain: DrainResult;
  snapshot: SystemSnapshot;
  findings: Findings;
  reconcile: ReconcileRun;
  http: RetryingHttp;
  stack: ChaosStack;
  ledger: StockLedger;
  replenisher: Replenisher;
}

const count = (items: readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
};

export function tallyResult({ profile, startedAt, logDir, load, faults, drain, snapshot, findings, reconcile, http, stack, ledger, replenisher }: Tally): ChaosResult {
  const unbalanced = drain.balances
    .filter((balance) => balance.produced !== balance.consumed)
    .map((balance) => `${balance.eventType}: ${balance.produced} produced, ${balance.consumed} applied by ${balance.consumer}`);
  const lostEvents = drain.balances.reduce((sum, balance) => sum + Math.max(0, balance.produced - balance.consumed), 0);
  const doubledEvents = drain.balances.reduce((sum, balance) => sum + Math.max(0, balance.consumed - balance.produced), 0);
  const deadLetters = Object.entries(snapshot.deadLetters).flatMap(([service, { items }]) =>
    items.map((letter) => `dead letter in ${service}: ${letter.reason} ${letter.eventType ?? 'undecodable'} from ${letter.originalTopic}: ${letter.errorMessage.split('\n')[0]}`),
  );
  const deadLetterCount = Object.values(snapshot.deadLetters).reduce((sum, { count: letters }) => sum + letters, 0);
  const problems = load.journeys.flatMap((journey) => journey.problems.map((problem) => `order ${journey.orderId ?? '(not placed)'} (${journey.intent}): ${problem}`));
  const violations = [
    ...faults.notReadyAgain.map((line) => `restart: ${line}`),
    ...replenisher.problems.map((line) => `stock receipt: ${line}`),
    ...(drain.drained ? [] : [`not at rest after ${profile.drainTimeoutSeconds} s: ${JSON.stringify(drain.last)}`]),
    ...findings.lost.map((line) => `lost: ${line}`),
    ...findings.duplicated.map((line) => `duplicated: ${line}`),
    ...findings.inconsistent.map((line) => `inconsistent: ${line}`),
    ...unbalanced.map((line) => `events: ${line}`),
    ...problems,
    ...deadLetters,
    ...(deadLetterCount > deadLetters.length ? [`${deadLetterCount - deadLetters.length} more dead letters`] : []),
    ...(reconcile.exitCode === 0 ? [] : reconcile.lines.map((line) => `reconcile: ${line}`)),
  ];
  const kills = Object.values(faults.kills).reduce((sum, each) => sum + each, 0);
  return {
    profile: profile.name,
    minutes: (Date.now() - startedAt) / 60_000,
    orders: load.journeys.filter((journey) => journey.orderId).length,
    ordersByIntent: count(load.journeys.map((journey) => journey.intent)),
    kills,
    killsByService: faults.kills,
    brokerRestarts: faults.brokerRestarts,
    postgresRestarts: faults.postgresRestarts,
    crashes: Object.fromEntries(Object.values(stack).map((service) => [service.name, service.crashes])),
    retriedRequests: http.retriedWrites,
    retryAttempts: http.writeAttempts,
    readRetries: http.readRetries,
    failureReasons: Object.fromEntries(http.failures),
    lost: findings.lost.length + lostEvents,
    duplicatedEffects: findings.duplicated.length + doubledEvents,
    drainSeconds: drain.drained ? Math.max(0, (drain.drainedAt - faults.lastFaultEndedAt) / 1000) : undefined,
    events: {
      produced: [...drain.balances.reduce((types, balance) => types.set(balance.eventType, balance.produced), new Map<string, number>()).values()].reduce((sum, each) => sum + each, 0),
      consumed: drain.balances.reduce((sum, balance) => sum + balance.consumed, 0),
      unbalanced,
    },
    documents: {
      shipments: snapshot.shipments.length,
      invoices: snapshot.invoices.length,
      creditNotes: snapshot.creditNotes.length,
      payments: load.journeys.reduce((sum, journey) => sum + journey.payments.size, 0),
      receipts: ledger.receipts,
    },
    deadLetters: deadLetterCount,
    reconcile,
    violations,
    logDir,
  };
}

/** The figures an operator reads first, then each violation. */
export function formatResult(result: ChaosResult): string {
  const crashes = Object.entries(result.crashes).filter(([, list]) => list.length > 0).map(([service, list]) => `${service} ${list.length}`);
  const lines = [
    `chaos run (${result.profile}), ${result.minutes.toFixed(1)} min`,
    `  orders:            ${result.orders} (${Object.entries(result.ordersByIntent).map(([intent, n]) => `${intent} ${n}`).join(', ')})`,
    `  kills:             ${result.kills} SIGKILLs (${Object.entries(result.killsByService).map(([service, n]) => `${service} ${n}`).join(', ')})`,
    `  broker restarts:   ${result.brokerRestarts}`,
    `  Postgres restarts: ${result.postgresRestarts}`,
    `  crashes:           ${crashes.length === 0 ? 'none' : crashes.join(', ')} (exits nobody asked for, restarted)`,
    `  retried requests:  ${result.retriedRequests} writes sent again with the same key (${result.retryAttempts} extra attempts), ${result.readRetries} read retries`,
    `  failed attempts:   ${Object.entries(result.failureReasons).map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none'}`,
    `  events:            ${result.events.produced} produced, ${result.events.consumed} applied by their consumers, ${result.events.unbalanced.length} type/consumer pairs unbalanced`,
    `  documents:         ${result.documents.shipments} shipments, ${result.documents.invoices} invoices, ${result.documents.creditNotes} credit notes, ${result.documents.payments} invoices paid, ${result.documents.receipts} stock receipts`,
    `  dead letters:      ${result.deadLetters}`,
    `  reconcile:         ${result.reconcile.lines.at(-1) ?? '(no output)'} (exit ${result.reconcile.exitCode})`,
    `  lost:              ${result.lost}`,
    `  duplicated effects: ${result.duplicatedEffects}`,
    `  drain after last fault: ${result.drainSeconds === undefined ? 'never' : `${result.drainSeconds.toFixed(1)} s`}`,
    `  service logs:      ${result.logDir}`,
    result.violations.length === 0 ? 'PASSED: no violations' : `FAILED: ${result.violations.length} violation(s)`,
    ...result.violations.slice(0, 50).map((violation) => `  - ${violation}`),
    ...(result.violations.length > 50 ? [`  … and ${result.violations.length - 50} more`] : []),
  ];
  return lines.join('\n');
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosCredentials } from '../load/credentials';
import type { OrderLoad } from '../load/order-load';
import type { RetryingHttp } from '../load/retrying-http';
import type { ChaosInfrastructure } from '../stack/chaos-infrastructure';
import type { ChaosStack } from '../stack/chaos-stack';
import type { EventBalance } from './event-counts';
import { eventBalances, handledEventTypes, readEventCounts } from './event-counts';

export interface DrainState {
  unfinishedJourneys: number;
  outboxRows: number;
  retryingPartitions: number;
  consumerLag: number;
  /** Null until everything above is at rest: counting scans every outbox and inbox row. */
  unbalancedEvents: number | null;
  /** Whether every order's status was the same as at the previous look. */
  statusesSettled: boolean;
}

export interface DrainResult {
  drained: boolean;
  /** When every condition first held, ms since the epoch. */
  drainedAt: number;
  last: DrainState;
  balances: EventBalance[];
}

/** Σ of the `tradeflow_consumer_lag` gauges on a service's /metrics (records behind, per partition). */
function consumerLag(metrics: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('tradeflow_consumer_lag'))
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/).at(-1) ?? 0), 0);
}

/** Every order's id and status, one string, to see whether anything still moves. */
async function statusFingerprint(http: RetryingHttp, orderUrl: string, credentials: ChaosCredentials): Promise<string> {
  const statuses: string[] = [];
  for (let after: string | null = null; ; ) {
    const query: string = after === null ? 'limit=500' : `limit=500&afterId=${after}`;
    const page = (await http.get(`${orderUrl}/v1/orders?${query}`, credentials.shop())).body as {
      items: { id: string; status: string }[];
      nextAfterId: string | null;
    };
    statuses.push(...page.items.map((order) => `${order.id}:${order.status}`));
    if (page.nextAfterId === null || page.nextAfterId === after) return statuses.join(',');
    after = page.nextAfterId;
  }
}

/**
 * Waits until the system is at rest: every journey finished, every outbox empty, no partition
 * retrying, consumer lag 0 on /metrics, every event applied once by each of its consumers, and the
 * order statuses unchanged between two looks.
 */
export async function waitForDrain(
  stack: ChaosStack,
  infrastructure: ChaosInfrastructure,
  load: OrderLoad,
  http: RetryingHttp,
  credentials: ChaosCredentials,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<DrainResult> {
  const handled = handledEventTypes();
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  let quietSince = 0;
  let lastLogged = 0;
  for (;;) {
    const services = Object.values(stack);
    const ops = credentials.as('ops');
    const statuses = await Promise.all(services.map(async (service) => (await http.get(`${service.url}/v1/messaging/status`, ops)).body));
    // Served on the metrics port, which takes no credential (only the monitoring namespace reaches it).
    const metrics = await Promise.all(services.map(async (service) => String((await http.get(service.metricsUrl)).body)));
    const state: DrainState = {
      unfinishedJourneys: load.unfinished().length,
      outboxRows: statuses.reduce((sum, status) => sum + (status.outbox?.count ?? 1), 0),
      retryingPartitions: statuses.reduce((sum, status) => sum + (status.retrying?.length ?? 0), 0),
      consumerLag: metrics.reduce((sum, text) => sum + consumerLag(text), 0),
      unbalancedEvents: null,
      statusesSettled: false,
    };
    const settling = state.unfinishedJourneys === 0 && state.outboxRows === 0 && state.retryingPartitions === 0 && state.consumerLag === 0;
    // With tens of thousands of orders a count takes seconds of the CPU the drain needs: count once the rest is at rest, or at the end.
    const overdue = Date.now() > deadline;
    const balances = settling || overdue ? eventBalances(await readEventCounts(infrastructure.databaseUrls), handled) : [];
    state.unbalancedEvents = settling ? balances.reduce((sum, balance) => sum + Math.abs(balance.produced - balance.consumed), 0) : null;
    const quiet = settling && state.unbalancedEvents === 0;
    if (quiet) {
      const fingerprint = await statusFingerprint(http, stack.order.url, credentials);
      state.statusesSettled = fingerprint === previous;
      if (!state.statusesSettled) quietSince = Date.now();
      previous = fingerprint;
    } else previous = '';
    // Drained since the first of the two looks that saw the same statuses.
    if (quiet && state.statusesSettled) return { drained: true, drainedAt: quietSince, last: state, balances };
    if (overdue) return { drained: false, drainedAt: Date.now(), last: state, balances };
    if (Date.now() - lastLogged > 15_000) {
      log(`draining: ${JSON.stringify(state)}`);
      lastLogged = Date.now();
    }
    await sleep(2000);
  }
}

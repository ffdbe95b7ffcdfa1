import type { UsageSnapshot } from '../environment/process-usage';
import type { ServiceCounters } from './flow-probe';

/** Where a steady step's work went, per completed order. */
export interface StepCost {
  orders: number;
  /** CPU milliseconds per order, by process (services, kafka, registry, postgres, the bench). */
  cpuMsPerOrder: Record<string, number>;
  /** The services' CPU together, per order. */
  serviceCpuMsPerOrder: number;
  /**
   * CPU milliseconds per second at rest, by process (pollers, fetch loops, the broker's own work),
   * measured right after the step. Part of cpuMsPerOrder is this, spread over the step's orders.
   */
  idleCpuMsPerSecond: Record<string, number>;
  /** The services' CPU per order less what they would have used at rest over the same window. */
  serviceCpuMsPerOrderAboveIdle: number;
  /** Per order and service: events produced and applied, database transactions, statements and rows written. */
  perService: Record<string, ServiceCounters>;
  /** The bench's requests as shop, warehouse and payment provider. */
  httpRequestsPerOrder: number;
  /** MiB, by process: peak resident memory so far (Postgres: the current sum over its processes). */
  peakRssMb: Record<string, number>;
  /** Mean database sessions of each service waiting for a lock while the step's orders came in. */
  lockWaits: Record<string, number>;
}

export interface CostWindow {
  /** performance.now() of the usage snapshot. */
  at: number;
  usage: UsageSnapshot;
  counters: Map<string, ServiceCounters>;
  requests: number;
}

/** The end of a step's window, and a look at rest some seconds later for the idle rate. */
export interface ClosedWindow extends CostWindow {
  idle: { at: number; usage: UsageSnapshot };
}

export function stepCost(
  before: CostWindow,
  after: ClosedWindow,
  orders: number,
  services: string[],
  lockWaits: Map<string, number>,
): StepCost {
  const per = (value: number) => (orders === 0 ? Number.NaN : value / orders);
  const used = (from: UsageSnapshot, to: UsageSnapshot, name: string) => (to.cpuMs.get(name) ?? 0) - (from.cpuMs.get(name) ?? 0);
  const cpuMsPerOrder = Object.fromEntries([...after.usage.cpuMs.keys()].map((name) => [name, per(used(before.usage, after.usage, name))]));
  const idleSeconds = (after.idle.at - after.at) / 1000;
  const idleCpuMsPerSecond = Object.fromEntries(
    [...after.usage.cpuMs.keys()].map((name) => [name, idleSeconds > 0 ? used(after.usage, after.idle.usage, name) / idleSeconds : Number.NaN]),
  );
  const windowSeconds = (after.at - before.at) / 1000;
  const serviceCpuMsPerOrder = services.reduce((sum, name) => sum + (cpuMsPerOrder[name] ?? 0), 0);
  const serviceIdleMsPerSecond = services.reduce((sum, name) => sum + (idleCpuMsPerSecond[name] ?? 0), 0);
  const perService = Object.fromEntries(
    [...after.counters].map(([name, counters]) => {
      const earlier = before.counters.get(name);
      const delta = (field: keyof ServiceCounters) => per(counters[field] - (earlier?.[field] ?? 0));
      return [
        name,
        { produced: delta('produced'), applied: delta('applied'), transactions: delta('transactions'), statements: delta('statements'), rowsWritten: delta('rowsWritten') },
      ];
    }),
  );
  return {
    orders,
    cpuMsPerOrder,
    serviceCpuMsPerOrder,
    idleCpuMsPerSecond,
    serviceCpuMsPerOrderAboveIdle: serviceCpuMsPerOrder - per(serviceIdleMsPerSecond * windowSeconds),
    perService,
    httpRequestsPerOrder: per(after.requests - before.requests),
    peakRssMb: Object.fromEntries(after.usage.peakRssMb),
    lockWaits: Object.fromEntries(lockWaits),
  };
}

import type { UsageSnapshot } from '../environment/process-usage';
import type { ServiceCounters } from './flow-probe';

/** Where a steady step's work went, per completed order. */
export interface StepCost {
  orders: number;
  /** CPU milliseconds per order, by process (services, kafka, registry, postgres, the bench). */
  cpuMsPerOrder: Record<string, number>;
  /** The services' CPU together, per order. */
  serviceCpuMsPerOrder: number;
  /** Per order and service: events produced and applied, database transactions and rows written. */
  perService: Record<string, ServiceCounters>;
  /** The bench's requests as shop, warehouse and payment provider. */
  httpRequestsPerOrder: number;
  /** MiB, by process: peak resident memory so far (Postgres: the current sum over its processes). */
  peakRssMb: Record<string, number>;
}

export interface CostWindow {
  usage: UsageSnapshot;
  counters: Map<string, ServiceCounters>;
  requests: number;
}

export function stepCost(before: CostWindow, after: CostWindow, orders: number, services: string[]): StepCost {
  const per = (value: number) => (orders === 0 ? Number.NaN : value / orders);
  const cpuMsPerOrder = Object.fromEntries(
    [...after.usage.cpuMs].map(([name, ms]) => [name, per(ms - (before.usage.cpuMs.get(name) ?? 0))]),
  );
  const perService = Object.fromEntries(
    [...after.counters].map(([name, counters]) => {
      const earlier = before.counters.get(name);
      const delta = (field: keyof ServiceCounters) => per(counters[field] - (earlier?.[field] ?? 0));
      return [name, { produced: delta('produced'), applied: delta('applied'), transactions: delta('transactions'), rowsWritten: delta('rowsWritten') }];
    }),
  );
  return {
    orders,
    cpuMsPerOrder,
    serviceCpuMsPerOrder: services.reduce((sum, name) => sum + (cpuMsPerOrder[name] ?? 0), 0),
    perService,
    httpRequestsPerOrder: per(after.requests - before.requests),
    peakRssMb: Object.fromEntries(after.usage.peakRssMb),
  };
}

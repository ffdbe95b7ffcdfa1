import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { SagaProfile } from '../bench-profile';
import type { BenchInfrastructure } from '../environment/bench-infrastructure';
import type { ScratchResources } from '../environment/scratch-resources';
import type { LatencySummary } from '../stats/percentiles';
import { summarise } from '../stats/percentiles';
import { waitFor } from '../wait-for';
import { pushBenchCustomer } from './crm-customer';
import { EventTap } from './event-tap';
import type { LoadStep, PlacedOrder } from './order-load';
import { BENCH_SKUS, OrderLoad } from './order-load';
import { startSagaStack } from './saga-stack';
import { WarehouseBot } from './warehouse-bot';

export interface SagaStepResult {
  rate: number;
  sentRate: number;
  placed: number;
  refused: number;
  /** Orders of this step whose InvoiceIssued was seen before the step's drain timeout. */
  completed: number;
  /** completed ÷ (first POST of the step → last InvoiceIssued of the step). */
  completedPerSecond: number;
  /** HTTP 201 → InvoiceIssued seen on the invoices topic, per order. */
  latency: LatencySummary;
  /** POST → 201. */
  http: LatencySummary;
  sustained: boolean;
}

export interface SagaResult {
  steps: SagaStepResult[];
  maxSustainedRate?: number;
  placed: number;
  invoicedOrders: number;
  lost: number;
  /** The same InvoiceIssued record delivered again (same eventId). */
  repeatedInvoiceRecords: number;
  /** Orders invoiced more than once (each has one shipment, so one invoice): duplicated effects. */
  ordersInvoicedTwice: number;
  dispatched: number;
  logDir?: string;
  problems: string[];
}

export interface SagaContext {
  profile: SagaProfile;
  infrastructure: BenchInfrastructure;
  scratch: ScratchResources;
  runId: string;
  log: (line: string) => void;
}

/** Orders at rising fixed rates through the whole stack until p99 (201 → InvoiceIssued) passes the limit. */
export async function benchSaga(context: SagaContext): Promise<SagaResult> {
  const { profile, infrastructure } = context;
  const log = (line: string) => context.log(`saga: ${line}`);
  const result: SagaResult = { steps: [], placed: 0, invoicedOrders: 0, lost: 0, repeatedInvoiceRecords: 0, ordersInvoicedTwice: 0, dispatched: 0, problems: [] };
  log('starting the services');
  const stack = await startSagaStack(infrastructure, context.scratch, context.runId);
  result.logDir = stack.logDir;
  const kafka = new Kafka({ clientId: 'bench-saga', brokers: infrastructure.kafkaBrokers.split(','), logLevel: logLevel.WARN });
  const invoices = new Invoices();
  const tap = new EventTap(kafka, infrastructure.schemaRegistryUrl, stack.prefix, 'InvoiceIssued', (event, seenAt) => invoices.seen(event, seenAt));
  const bot = new WarehouseBot(kafka, infrastructure.schemaRegistryUrl, stack.prefix, stack.urls.shipping);
  const placed: PlacedOrder[] = [];
  const drainMs = profile.drainTimeoutSeconds * 1000;
  try {
    await Promise.all([tap.start(), bot.start()]);
    await receiveStock(stack.urls.inventory);
    if (stack.crmSyncUrl) await pushBenchCustomer(stack.crmSyncUrl);
    const load = new OrderLoad(stack.urls.order);

    // Also waits out the first customer check: an order held for an unknown customer is approved once crm-sync's event arrives.
    log(`warm-up with ${profile.warmupOrders} orders`);
    const warmUp = await load.run(10, profile.warmupOrders / 10);
    placed.push(...warmUp.placed);
    if (warmUp.refused.length > 0) throw new Error(`warm-up orders refused: ${summariseReasons(warmUp.refused).join('; ')}`);
    await waitFor(() => invoices.allOf(warmUp.placed), Math.max(drainMs, 120_000), 'the warm-up orders to be invoiced', 50);

    const rates = [...profile.rates];
    for (let rate = rates.shift(); rate !== undefined; rate = rates.shift()) {
      log(`${rate} orders/s for ${profile.stepSeconds} s`);
      const step = await load.run(rate, profile.stepSeconds);
      placed.push(...step.placed);
      result.problems.push(...summariseReasons(step.refused).map((reason) => `at ${rate}/s ${reason}`));
      await waitFor(() => invoices.allOf(step.placed), drainMs, `the ${rate}/s orders`, 50).catch(() => undefined);
      const measured = measureStep(step, invoices, profile.p99LimitMs);
      result.steps.push(measured);
      log(`completed ${measured.completed}/${measured.placed}, p99 ${Math.round(measured.latency.p99)} ms`);
      if (measured.sustained) result.maxSustainedRate = rate;
      else if (result.maxSustainedRate === undefined && rate / 2 >= profile.lowestRate) {
        // Even the first rate was too much: let the backlog finish, then try half of it.
        await waitFor(() => invoices.allOf(placed), drainMs, 'the backlog', 100).catch(() => undefined);
        rates.splice(0, rates.length, rate / 2);
      } else break;
    }
    await waitFor(() => invoices.allOf(placed), drainMs, 'every order to be invoiced', 100).catch(() => undefined);
  } catch (error) {
    result.problems.push(`${(error as Error).message} (service logs: ${stack.logDir})`);
  } finally {
    await Promise.all([tap.stop(), bot.stop()]);
    await stack.stop();
  }
  return tallySaga(result, placed, invoices, bot);
}

function measureStep(step: LoadStep, invoices: Invoices, p99LimitMs: number): SagaStepResult {
  const completed = step.placed.flatMap((order) => {
    const invoicedAt = invoices.firstSeen(order.id);
    return invoicedAt === undefined ? [] : [{ ...order, invoicedAt }];
  });
  const latency = summarise(completed.map((order) => order.invoicedAt - order.createdAt));
  const firstPost = Math.min(...step.placed.map((order) => order.postedAt));
  const lastInvoice = Math.max(...completed.map((order) => order.invoicedAt));
  const sustained = completed.length === step.placed.length && step.refused.length === 0 && latency.p99 < p99LimitMs;
  return {
    rate: step.rate,
    sentRate: step.sentRate,
    placed: step.placed.length,
    refused: step.refused.length,
    completed: completed.length,
    completedPerSecond: completed.length === 0 ? 0 : completed.length / ((lastInvoice - firstPost) / 1000),
    latency,
    http: summarise(step.placed.map((order) => order.createdAt - order.postedAt)),
    sustained,
  };
}

function tallySaga(result: SagaResult, placed: PlacedOrder[], invoices: Invoices, bot: WarehouseBot): SagaResult {
  const invoicedOrders = placed.filter((order) => invoices.firstSeen(order.id) !== undefined).length;
  const tally = {
    ...result,
    placed: placed.length,
    invoicedOrders,
    lost: placed.length - invoicedOrders,
    repeatedInvoiceRecords: invoices.repeatedRecords,
    ordersInvoicedTwice: invoices.ordersInvoicedTwice(),
    dispatched: bot.dispatched,
  };
  if (tally.lost > 0) tally.problems.push(`${tally.lost} of ${tally.placed} orders never invoiced`);
  if (tally.ordersInvoicedTwice > 0) tally.problems.push(`${tally.ordersInvoicedTwice} orders invoiced more than once`);
  tally.problems.push(...summariseReasons(bot.errors));
  return tally;
}

/** "12 × 500 Internal server error" rather than twelve lines. */
function summariseReasons(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, times]) => `${times} × ${reason}`);
}

/** InvoiceIssued as seen on the topic: when, per order, and whether a record came twice. */
class Invoices {
  repeatedRecords = 0;
  private readonly eventIds = new Set<string>();
  private readonly byOrder = new Map<string, number[]>();

  seen(event: { eventId: string; orderId: string }, seenAt: number): void {
    if (this.eventIds.has(event.eventId)) {
      this.repeatedRecords++;
      return;
    }
    this.eventIds.add(event.eventId);
    this.byOrder.set(event.orderId, [...(this.byOrder.get(event.orderId) ?? []), seenAt]);
  }

  firstSeen(orderId: string): number | undefined {
    return this.byOrder.get(orderId)?.[0];
  }

  allOf(orders: PlacedOrder[]): boolean {
    return orders.every((order) => this.byOrder.has(order.id));
  }

  ordersInvoicedTwice(): number {
    return [...this.byOrder.values()].filter((seen) => seen.length > 1).length;
  }
}

/** Plenty of every bench sku in one warehouse: no order waits for stock or splits. */
async function receiveStock(inventoryUrl: string): Promise<void> {
  const response = await fetch(`${inventoryUrl}/v1/stock/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receiptId: `bench-${randomUUID()}`, warehouse: 'BER', lines: BENCH_SKUS.map((sku) => ({ sku, quantity: 1_000_000 })) }),
  });
  if (response.status !== 201) throw new Error(`stock receipt refused: ${response.status} ${await response.text()}`);
}

import { TraceReceiver } from '@tradeflow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SagaProfile } from '../bench-profile';
import type { BenchInfrastructure } from '../environment/bench-infrastructure';
import type { WatchedProcess } from '../environment/process-usage';
import { usageOf } from '../environment/process-usage';
import type { ScratchResources } from '../environment/scratch-resources';
import type { LatencySummary } from '../stats/percentiles';
import { summarise } from '../stats/percentiles';
import { waitFor } from '../wait-for';
import type { ProfileSummary } from './cpu-profiles';
import { profileClockMicros, summariseProfiles } from './cpu-profiles';
import { EventTap } from './event-tap';
import type { CostlyStatement } from './flow-probe';
import { FlowProbe } from './flow-probe';
import type { HopTimes } from './hop-times';
import { hopTimes } from './hop-times';
import { InvoicesSeen } from './invoices-seen';
import type { LoadProfileName } from './load-profiles';
import { loadProfile } from './load-profiles';
import type { LoadStep, PlacedOrder } from './order-load';
import { OrderLoad } from './order-load';
import { PaymentProvider } from './payment-provider';
import { RequestCounter } from './request-counter';
import { setUpSaga } from './saga-setup';
import type { SagaStack } from './saga-stack';
import { cpuProfileDir, startSagaStack } from './saga-stack';
import type { ClosedWindow, CostWindow, StepCost } from './step-cost';
import { stepCost } from './step-cost';
import { WarehouseBot } from './warehouse-bot';

export interface SagaStepResult {
  rate: number;
  sentRate: number;
  placed: number;
  refused: number;
  /** Orders of this step with every invoice seen before the step's drain timeout. */
  completed: number;
  /** completed ÷ (first POST of the step → last invoice of the step). */
  completedPerSecond: number;
  /** HTTP 201 → the order's last InvoiceIssued seen on the invoices topic, per order. */
  latency: LatencySummary;
  /** POST → 201. */
  http: LatencySummary;
  sustained: boolean;
  /** Measured from rest to rest; missing when the flow did not come to rest after the step. */
  cost?: StepCost;
}

export interface SagaProfileResult {
  profile: LoadProfileName;
  description: string;
  steps: SagaStepResult[];
  maxSustainedRate?: number;
  placed: number;
  /** Orders with all their invoices seen. */
  invoicedOrders: number;
  lost: number;
  /** The same InvoiceIssued record delivered again (same eventId). */
  repeatedInvoiceRecords: number;
  /** Orders with more invoices than shipments: duplicated effects. */
  ordersInvoicedTwice: number;
  dispatched: number;
  paid: number;
  logDir?: string;
  /** With BENCH_SERVICE_PROF=1: each service's functions with the most self time over the whole profile run. */
  cpuProfiles?: Record<string, ProfileSummary>;
  /** Where a sampled order's events spent their time, hop by hop (medians over the run, warm-up included). */
  hops: HopTimes[];
  /** The statements that took the most database time over the whole profile run (pg_stat_statements). */
  costliestStatements: CostlyStatement[];
  problems: string[];
}

export interface SagaResult {
  profiles: SagaProfileResult[];
  problems: string[];
}

export interface SagaContext {
  profile: SagaProfile;
  infrastructure: BenchInfrastructure;
  scratch: ScratchResources;
  runId: string;
  log: (line: string) => void;
}

/** Each load profile on a fresh stack: orders at rising fixed rates until p99 (201 → last invoice) passes the limit. */
export async function benchSaga(context: SagaContext): Promise<SagaResult> {
  const result: SagaResult = { profiles: [], problems: [] };
  for (const [index, name] of context.profile.loadProfiles.entries()) {
    const measured = await benchLoadProfile(context, name, `${context.runId}p${index}`);
    result.profiles.push(measured);
    result.problems.push(...measured.problems.map((problem) => `${name}: ${problem}`));
  }
  return result;
}

async function benchLoadProfile(context: SagaContext, name: LoadProfileName, stackId: string): Promise<SagaProfileResult> {
  const { profile, infrastructure } = context;
  const load = loadProfile(name);
  const log = (line: string) => context.log(`saga ${name}: ${line}`);
  const result: SagaProfileResult = {
    profile: name,
    description: load.description,
    steps: [],
    placed: 0,
    invoicedOrders: 0,
    lost: 0,
    repeatedInvoiceRecords: 0,
    ordersInvoicedTwice: 0,
    dispatched: 0,
    paid: 0,
    costliestStatements: [],
    hops: [],
    problems: [],
  };
  log('starting the services');
  const traces = new TraceReceiver();
  const stack = await startSagaStack(infrastructure, context.scratch, stackId, name, await traces.start()).catch(async (error: unknown) => {
    await traces.stop();
    throw error;
  });
  result.logDir = stack.logDir;
  const kafka = new Kafka({ clientId: 'bench-saga', brokers: infrastructure.kafkaBrokers.split(','), logLevel: logLevel.WARN });
  const requests = new RequestCounter(infrastructure.oidcIssuerUrl);
  const invoices = new InvoicesSeen();
  const payments = new PaymentProvider(stack.urls.invoicing, load.payEvery, requests);
  const tap = new EventTap(kafka, infrastructure.schemaRegistryUrl, stack.prefix, 'InvoiceIssued', (event, seenAt) => {
    if (invoices.seen(event, seenAt)) payments.issuedInvoice(event);
  });
  const bot = new WarehouseBot(kafka, infrastructure.schemaRegistryUrl, stack.prefix, stack.urls.shipping, requests);
  const probe = new FlowProbe(kafka, infrastructure.adminDatabaseUrl, stack.processes);
  const window = costWindow(stack, infrastructure, probe, requests, profile.statisticsFlushMs);
  const placed: PlacedOrder[] = [];
  let stepsFrom = Number.POSITIVE_INFINITY;
  const drainMs = profile.drainTimeoutSeconds * 1000;
  const restMs = profile.restTimeoutSeconds * 1000;
  try {
    await Promise.all([tap.start(), bot.start(), probe.connect()]);
    log(`${load.skus.length} products, ${load.customers.length} customers and ${load.receipts.length} stock receipts`);
    await setUpSaga(load, { inventory: stack.urls.inventory, order: stack.urls.order, crmSync: stack.crmSyncUrl }, infrastructure.oidcIssuerUrl, requests);
    const orders = new OrderLoad(stack.urls.order, () => load.nextOrder(), requests);

    log(`warm-up with ${profile.warmupOrders} orders`);
    const warmUp = await orders.run(10, profile.warmupOrders / 10);
    placed.push(...warmUp.placed);
    if (warmUp.refused.length > 0) throw new Error(`warm-up orders refused: ${summariseReasons(warmUp.refused).join('; ')}`);
    await waitFor(() => invoices.allOf(warmUp.placed), Math.max(drainMs, 120_000), 'the warm-up orders to be invoiced', 50);

    stepsFrom = profileClockMicros();
    const rates = [...profile.rates];
    for (let rate = rates.shift(); rate !== undefined; rate = rates.shift()) {
      // Each step starts at rest: one after an overloaded step would otherwise inherit its backlog.
      if (!(await probe.waitForRest(restMs))) {
        result.problems.push(`not at rest ${profile.restTimeoutSeconds} s after the step before ${rate}/s; stepping stopped`);
        break;
      }
      const before = await window.open();
      log(`${rate} orders/s for ${profile.stepSeconds} s`);
      const running = orders.run(rate, profile.stepSeconds);
      const lockWaits = probe.meanLockWaits(running);
      const step = await running;
      placed.push(...step.placed);
      result.problems.push(...summariseReasons(step.refused).map((reason) => `at ${rate}/s ${reason}`));
      await waitFor(() => invoices.allOf(step.placed), drainMs, `the ${rate}/s orders`, 50).catch(() => undefined);
      const measured = measureStep(step, invoices, profile.p99LimitMs);
      const waits = await lockWaits;
      if (await probe.waitForRest(restMs)) measured.cost = stepCost(before, await window.close(), measured.completed, serviceNames(stack), waits);
      result.steps.push(measured);
      const cpu = measured.cost ? `, services ${Math.round(measured.cost.serviceCpuMsPerOrder)} ms CPU per order` : '';
      log(`completed ${measured.completed}/${measured.placed}, p99 ${Math.round(measured.latency.p99)} ms${cpu}`);
      if (measured.sustained) result.maxSustainedRate = rate;
      else if (result.maxSustainedRate === undefined && rate / 2 >= profile.lowestRate) rates.splice(0, rates.length, rate / 2);
      else break;
    }
    await waitFor(() => invoices.allOf(placed), drainMs, 'every order to be invoiced', 100).catch(() => undefined);
  } catch (error) {
    result.problems.push(`${(error as Error).message} (service logs: ${stack.logDir})`);
  } finally {
    await Promise.all([tap.stop(), bot.stop(), payments.stop()]);
    const statements = await probe.costliestStatements(1000).catch(() => []);
    result.costliestStatements = statements.slice(0, 5);
    writeStatements(join(stack.logDir, 'statements.tsv'), statements);
    await probe.close().catch(() => undefined);
    await stack.stop();
    // Stopped, each service has flushed its last spans.
    result.hops = hopTimes(traces.spans);
    await traces.stop();
  }
  if (process.env.BENCH_SERVICE_PROF === '1') {
    result.cpuProfiles = Object.fromEntries(stack.processes.map(({ name: service }) => [service, summariseProfiles(cpuProfileDir(stack.logDir, service), stepsFrom)]));
  }
  return tally(result, placed, invoices, bot, payments);
}

/** A step's cost is measured between two looks at every process and database: one before, one once at rest. */
function costWindow(stack: SagaStack, infrastructure: BenchInfrastructure, probe: FlowProbe, requests: RequestCounter, statisticsFlushMs: number) {
  const watched: WatchedProcess[] = [
    ...stack.processes.map(({ name, pid }) => ({ name, pid })),
    ...infrastructure.processes.map((component) => ({ ...component, withChildren: component.name === 'postgres' })),
    { name: 'bench', pid: process.pid },
  ];
  return {
    open: async (): Promise<CostWindow> => ({ at: performance.now(), usage: usageOf(watched), counters: await probe.counters(), requests: requests.count }),
    /** CPU as the flow comes to rest; Postgres' counters once its statistics are flushed, and the CPU used at rest meanwhile. */
    close: async (): Promise<ClosedWindow> => {
      const at = performance.now();
      const usage = usageOf(watched);
      const sent = requests.count;
      // Postgres backends report their statistics when idle, at most every 10 s (PGSTAT_IDLE_INTERVAL).
      await sleep(statisticsFlushMs);
      const idle = { at: performance.now(), usage: usageOf(watched) };
      return { at, usage, counters: await probe.counters(), requests: sent, idle };
    },
  };
}

/** Every statement the services ran, costliest first, beside their logs: where the statements per order come from. */
function writeStatements(file: string, statements: CostlyStatement[]): void {
  const rows = statements.map(({ service, calls, totalMs, query }) => [service, calls, totalMs.toFixed(1), query.replace(/\s+/g, ' ')].join('\t'));
  writeFileSync(file, ['service\tcalls\ttotal ms\tstatement', ...rows].join('\n') + '\n');
}

function serviceNames(stack: SagaStack): string[] {
  return stack.processes.map((service) => service.name);
}

function measureStep(step: LoadStep, invoices: InvoicesSeen, p99LimitMs: number): SagaStepResult {
  const completed = step.placed.flatMap((order) => {
    const invoicedAt = invoices.completedAt(order);
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

function tally(result: SagaProfileResult, placed: PlacedOrder[], invoices: InvoicesSeen, bot: WarehouseBot, payments: PaymentProvider): SagaProfileResult {
  const invoicedOrders = placed.filter((order) => invoices.completedAt(order) !== undefined).length;
  const tallied = {
    ...result,
    placed: placed.length,
    invoicedOrders,
    lost: placed.length - invoicedOrders,
    repeatedInvoiceRecords: invoices.repeatedRecords,
    ordersInvoicedTwice: invoices.overInvoiced(placed),
    dispatched: bot.dispatched,
    paid: payments.paid,
  };
  if (tallied.lost > 0) tallied.problems.push(`${tallied.lost} of ${tallied.placed} orders never fully invoiced`);
  if (tallied.ordersInvoicedTwice > 0) tallied.problems.push(`${tallied.ordersInvoicedTwice} orders invoiced more than once`);
  tallied.problems.push(...summariseReasons([...bot.errors, ...payments.errors]));
  return tallied;
}

/** "12 × 500 Internal server error" rather than twelve lines. */
function summariseReasons(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, times]) => `${times} × ${reason}`);
}

import { join, relative } from 'node:path';
import type { BenchProfile } from '../bench-profile';
import type { CodecSummary } from '../codec/codec-bench';
import type { MachineReport } from '../environment/machine';
import type { HopResult } from '../hop/hop-bench';
import type { OrdersResult } from '../orders/orders-bench';
import type { HotFunction } from '../saga/cpu-profiles';
import type { SagaProfileResult, SagaResult } from '../saga/saga-bench';
import { TRACED_ORDER_SHARE } from '../saga/saga-stack';
import { count, kops, ms, ratio, table, verdict } from './format';

const ROOT = join(__dirname, '../../../..');

export interface BenchReport {
  machine: MachineReport;
  /** libs/messaging's numeric settings in effect for ours and the saga's services. */
  messaging: Record<string, number>;
  profile: BenchProfile;
  durationSeconds: number;
  codec?: CodecSummary;
  hop?: HopResult[];
  saga?: SagaResult;
  orders?: OrdersResult;
  problems: string[];
}

/** The whole report as markdown: printed by `npm run bench` and written to docs/benchmarks.md. */
export function renderReport(report: BenchReport): string {
  const { machine, profile } = report;
  const sections = [
    `# Tradeflow benchmarks\n\n${profile.smoke ? 'Smoke run (tiny windows: the figures mean nothing). ' : ''}` +
      `Run ${machine.date} by \`npm run bench\` (apps/bench) in ${Math.round(report.durationSeconds)} s. ` +
      'Every part runs on this one machine: Kafka, the registry, Postgres, the services and the load generator share its cores, ' +
      'so the figures are for comparing the contenders side by side, not for capacity planning.',
    renderMachine(machine),
    renderSettings(report),
    report.codec && renderCodec(report.codec, profile),
    report.hop && renderHop(report.hop, profile),
    report.saga && renderSaga(report.saga, profile),
    report.orders && renderOrders(report.orders, profile),
    report.problems.length > 0 ? `## Problems\n\n${report.problems.map((problem) => `- ${problem.split('\n')[0]}`).join('\n')}` : undefined,
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function renderMachine(machine: MachineReport): string {
  const rows = [
    ['CPU', machine.cpus],
    ['Memory', machine.memory],
    ['OS', machine.os],
    ['Load average before the run (1 / 5 / 15 min)', machine.loadBefore],
    ['Load average after the run', machine.loadAfter ?? '–'],
    ...Object.entries(machine.versions),
  ];
  return `## Machine and versions\n\n${table(['', ''], rows)}`;
}

function renderSettings({ profile, messaging }: BenchReport): string {
  const { hop, saga } = profile;
  const lines = [
    `Hop: ${hop.partitions} partitions per topic; warm-up ${count(hop.warmupEvents)} events (at most ${hop.warmupMs / 1000} s); ` +
      `window ${hop.windowSeconds} s; preload between ${count(hop.minEvents)} and ${count(hop.maxEvents)} events; ` +
      `latency at ${hop.latencyRate}/s for ${hop.latencySeconds} s (BENCH_HOP_WINDOW_SECONDS, BENCH_LATENCY_RATE, BENCH_LATENCY_SECONDS).`,
    `Saga: load profiles ${saga.loadProfiles.join(', ')}; ${saga.rates.join(', ')} orders/s, ${saga.stepSeconds} s each, after ${saga.warmupOrders} warm-up orders; ` +
      `up to ${saga.drainTimeoutSeconds} s for a step's orders to finish, ${saga.restTimeoutSeconds} s to come to rest (BENCH_SAGA_PROFILES, BENCH_SAGA_RATES, BENCH_SAGA_STEP_SECONDS).`,
    `Orders: ${count(profile.orders.orders)} orders; each search ${profile.orders.warmup} times unmeasured, then ${profile.orders.repeats} times measured (BENCH_ORDERS).`,
    `libs/messaging settings (ours and every service): ${Object.entries(messaging).map(([name, value]) => `${name}=${value}`).join(', ')}.`,
  ];
  return `## Settings\n\n${lines.map((line) => `- ${line}`).join('\n')}`;
}

function renderCodec(codec: CodecSummary, profile: BenchProfile): string {
  const rows = codec.rows.map((row) => [
    row.eventType,
    count(row.jsonBytes),
    count(row.avroBytes),
    ratio(row.avroBytes / row.jsonBytes),
    kops(row.jsonEncode),
    kops(row.avroEncode),
    kops(row.codecEncode),
    kops(row.jsonDecode),
    kops(row.avroDecode),
    kops(row.codecDecode),
  ]);
  const { avroDecodeVsJson: raw, codecDecodeVsJson: codecDecode, avroBytesVsJson: bytes } = codec;
  return [
    '## 1. Codec: Avro against JSON, per event type',
    `Each event type's sample (realistic values, made by \`createEvent\`), encoded and decoded in a loop for ${profile.codec.measureMs} ms ` +
      '(median of five slices, after a warm-up). *avsc*: the schema\'s avsc `Type` alone — no registry, no validation. ' +
      '*EventCodec*: what services run — registry lookup cached after the first call, the event validated, Confluent framing, ' +
      "and on decode the writer's schema resolved against the reader's. Bytes: Avro without the 5-byte frame.",
    table(
      ['event', 'JSON B', 'Avro B', 'Avro/JSON', 'stringify/s', 'avsc enc/s', 'EventCodec enc/s', 'JSON.parse/s', 'avsc dec/s', 'EventCodec dec/s'],
      rows,
    ),
    table(
      ['goal', 'geometric mean', 'worst type', 'verdict (mean)'],
      [
        ['avsc decode ≥ 3× JSON.parse', ratio(raw.mean), ratio(raw.worst), verdict(raw.mean >= 3)],
        ['EventCodec decode ≥ 3× JSON.parse', ratio(codecDecode.mean), ratio(codecDecode.worst), verdict(codecDecode.mean >= 3)],
        ['Avro size ≤ 0.6× JSON', ratio(bytes.mean), ratio(bytes.worst), verdict(bytes.mean <= 0.6)],
      ],
    ),
  ].join('\n\n');
}

function renderHop(results: HopResult[], profile: BenchProfile): string {
  const { hop } = profile;
  const rows = results.map((result) => [
    result.contender,
    count(result.eventsPerSecond),
    `${result.windowSeconds.toFixed(1)} s${result.drainedEarly ? ' (input ran out)' : ''}`,
    ms(result.latency.p50),
    ms(result.latency.p95),
    ms(result.latency.p99),
    count(result.inputs),
    count(result.effects - result.distinctEffects),
    count(result.outputs - result.distinctOutputs),
    count(result.inputs - result.distinctOutputs),
  ]);
  const rate = (name: string) => results.find((result) => result.contender === name)?.eventsPerSecond ?? Number.NaN;
  const versusCeiling = rate('ours') / rate('ceiling');
  const versusPeer = rate('ours') / rate('peer');
  return [
    '## 2. One hop, the same work three ways',
    'OrderApproved in → one row in Postgres per event → StockReserved out, over the same broker and Postgres, ' +
      `${hop.partitions} partitions per topic, each contender consuming CONSUMER_PARTITIONS_CONCURRENTLY of them at once, alone in a process of its own. ` +
      '*ceiling*: bare kafkajs, per fetched batch one transaction with one multi-row insert, one produce of the JSON outputs, offsets committed after. ' +
      '*peer*: NestJS `Transport.KAFKA`, `@EventPattern`, JSON, one insert per message, `ClientKafka.emit` awaited (at-least-once, no inbox or outbox). ' +
      '*ours*: a libs/messaging service — Avro through the registry, inbox, the row left by the handler with `unitOfWork.insertLater` ' +
      '(one multi-row insert per batch), `unitOfWork.publish` to the outbox, one transaction per batch, relay (idempotent producer) ' +
      'woken by NOTIFY, reading ahead while it sends (effectively-once).',
    `Throughput: a warm-up run estimates the rate, then enough input for the window is preloaded and the contender restarted; outputs ` +
      `are counted on the output topic for ${hop.windowSeconds} s from the first one. Latency: inputs sent at ${hop.latencyRate}/s for ` +
      `${hop.latencySeconds} s (open model), from send to the output seen by a consumer; a contender slower than that rate shows its queueing. ` +
      'Counted over every input of the run (warm-up, throughput and latency phases): *dup effects*, rows beyond the first per input; ' +
      "*dup outputs*, records beyond the first per input (for ours, downstream inboxes absorb them); *lost*, inputs with no output.",
    table(['contender', 'events/s', 'window', 'p50 ms', 'p95 ms', 'p99 ms', 'inputs', 'dup effects', 'dup outputs', 'lost'], rows),
    table(
      ['goal', 'measured', 'verdict'],
      [
        ['ours ≥ 0.7 × ceiling', ratio(versusCeiling), Number.isFinite(versusCeiling) ? verdict(versusCeiling >= 0.7) : '–'],
        ['ours ≥ 1.0 × peer', ratio(versusPeer), Number.isFinite(versusPeer) ? verdict(versusPeer >= 1) : '–'],
      ],
    ),
  ].join('\n\n');
}

function renderSaga(saga: SagaResult, profile: BenchProfile): string {
  const { p99LimitMs, stepSeconds, lowestRate } = profile.saga;
  return [
    '## 3. The whole saga',
    'order, inventory, shipping, invoicing and crm-sync as processes (each with its own defaults and a fresh database), one fresh stack per load profile. ' +
      `An open-model generator posts orders at each rate for ${stepSeconds} s; a warehouse bot reads ShipmentLabelled and ` +
      'POSTs /v1/shipments/{id}/dispatch at once; a payment provider pays the invoices the profile says. Every step starts at rest ' +
      '(every outbox published, every consumer group caught up). Latency: HTTP 201 of the order → its last InvoiceIssued (one per shipment) seen on the invoices topic. ' +
      `Completed/s: the step's invoiced orders ÷ (its first POST → its last invoice). Stepping stops at the first rate whose p99 reaches ${p99LimitMs} ms ` +
      `or that leaves orders unfinished; when the first rate already does, it is halved (down to ${lowestRate}/s).`,
    ...saga.profiles.map((result) => renderSagaProfile(result, p99LimitMs)),
  ].join('\n\n');
}

function renderSagaProfile(saga: SagaProfileResult, p99LimitMs: number): string {
  const rows = saga.steps.map((step) => [
    String(step.rate),
    count(step.placed),
    `${step.completed}`,
    count(step.completedPerSecond),
    ms(step.latency.p50),
    ms(step.latency.p95),
    ms(step.latency.p99),
    ms(step.latency.max),
    ms(step.http.p99),
    step.cost ? ms(step.cost.serviceCpuMsPerOrder) : '–',
    step.sustained ? 'yes' : 'no',
  ]);
  return [
    `### ${saga.profile}: ${saga.description}`,
    table(
      ['orders/s offered', 'placed', 'invoiced', 'completed/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'POST p99 ms', 'service CPU ms/order', `p99 < ${p99LimitMs} ms`],
      rows,
    ),
    `**Highest rate with p99 < ${p99LimitMs} ms: ${saga.maxSustainedRate === undefined ? 'none of the rates tried' : `${saga.maxSustainedRate} orders/s`}.** ` +
      `Over the whole run: ${saga.placed} orders placed, ${saga.invoicedOrders} fully invoiced, ${saga.lost} lost, ` +
      `${saga.ordersInvoicedTwice} invoiced more than once, ${saga.repeatedInvoiceRecords} InvoiceIssued records delivered twice, ` +
      `${saga.dispatched} shipments dispatched, ${saga.paid} invoices paid.` +
      (saga.logDir ? ` Service logs: \`${relative(ROOT, saga.logDir)}\`.` : ''),
    renderCosts(saga),
    renderCostliestStatements(saga),
    renderHops(saga),
    renderHotFunctions(saga),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function renderOrders(orders: OrdersResult, profile: BenchProfile): string {
  const { p99LimitMs, repeats } = profile.orders;
  const rows = orders.queries.map((query) => [
    query.name,
    `\`${query.path.replace(/afterId=[^&]+/, 'afterId=…').replace(/placedFrom=[^&]+&placedTo=[^&]+/, 'placedFrom=…&placedTo=…')}\``,
    count(query.items),
    ms(query.latency.p50),
    ms(query.latency.p95),
    ms(query.latency.p99),
    ms(query.latency.max),
    query.latency.count > 0 ? verdict(query.latency.p99 < p99LimitMs) : '–',
  ]);
  return [
    '## 4. The console\'s order list at scale',
    `The order service alone, as a process, on a fresh database holding ${count(orders.orders)} orders with ${count(orders.lines)} lines ` +
      `(written by set-based SQL in ${orders.seedSeconds.toFixed(1)} s, then ANALYZE): about 1,000 customers, a few ordering far more than most, ` +
      'three channels, every status, placed over the last 90 days. Each search of the Orders and Stuck orders pages is asked over HTTP with an ' +
      `auditor's bearer token, one request at a time, ${repeats} times after a warm-up; latency from send to the parsed body. ` +
      'The customer is the one with the most orders; the id prefix is three characters of an order id; the deep pages follow nextAfterId from the first page.',
    table(['search', 'request', 'orders on the page', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', `p99 < ${p99LimitMs} ms`], rows),
    `Service log: \`${relative(ROOT, orders.logDir)}\`.`,
  ].join('\n\n');
}

function renderHops(saga: SagaProfileResult): string | undefined {
  if (saga.hops.length === 0) return undefined;
  const rows = saga.hops.map((hop) => [hop.hop, count(hop.samples), ms(hop.atMs), ms(hop.toRelayMs), ms(hop.sendMs), ms(hop.toHandlerMs), ms(hop.handlerMs)]);
  return [
    `Where an order's events wait, hop by hop, from the traces of ${Math.round(TRACED_ORDER_SHARE * 100)}% of the orders (medians over the run, warm-up included; ` +
      "every process on one clock): *to relay* from the end of the work that wrote the event (a request, a handler) to the relay's send — its commit " +
      "and the outbox; *send* to the broker's acknowledgement; *to handler* from there to the handler's start — the topic, the consumer's fetch, " +
      'its batch and key lane, the transaction\'s first statement; *at* when the handler began, from the start of the order:',
    table(['event: from → to', 'samples', 'at ms', 'to relay ms', 'send ms', 'to handler ms', 'handler ms'], rows),
  ].join('\n\n');
}

function renderCostliestStatements(saga: SagaProfileResult): string | undefined {
  if (saga.costliestStatements.length === 0) return undefined;
  const perOrder = (calls: number) => (saga.placed === 0 ? '–' : (calls / saga.placed).toFixed(1));
  const rows = saga.costliestStatements.map(({ service, calls, totalMs, query }) => [
    service,
    perOrder(calls),
    (totalMs / calls).toFixed(2),
    count(totalMs),
    `\`${query.replace(/\s+/g, ' ').slice(0, 120).replace(/\|/g, '\\|')}\``,
  ]);
  return [
    'The statements that took the most database time over the whole run, warm-up included (pg_stat_statements; calls per placed order; ' +
      'every statement in `statements.tsv` beside the service logs):',
    table(['service', 'calls per order', 'mean ms', 'total ms', 'statement'], rows),
  ].join('\n\n');
}

function renderHotFunctions(saga: SagaProfileResult): string | undefined {
  if (!saga.cpuProfiles) return undefined;
  const shares = (items: HotFunction[]) => items.map(({ name, selfShare }) => `${(selfShare * 100).toFixed(1)}% ${name}`).join('<br>') || '–';
  const rows = Object.entries(saga.cpuProfiles).map(([service, { places, functions }]) => [service, shares(places), shares(functions)]);
  return [
    "Each service's self time over the profile's steps (BENCH_SERVICE_PROF=1, `--cpu-prof`; idle excluded), by where the code lives and by function:",
    table(['service', 'where', 'functions'], rows),
  ].join('\n\n');
}

/** Where each step's work went: CPU per completed order by process, and the work per order of each service at one step. */
function renderCosts(saga: SagaProfileResult): string | undefined {
  const measured = saga.steps.flatMap(({ rate, cost }) => (cost ? [{ rate, cost }] : []));
  if (measured.length === 0) return undefined;
  const processes = [...new Set(measured.flatMap((step) => Object.keys(step.cost.cpuMsPerOrder)))];
  const last = measured[measured.length - 1].cost;
  const cpuRows = [
    ...processes.map((name) => [
      name,
      ...measured.map((step) => ms(step.cost.cpuMsPerOrder[name] ?? Number.NaN)),
      ms(last.idleCpuMsPerSecond[name] ?? Number.NaN),
    ]),
    ['services together', ...measured.map((step) => ms(step.cost.serviceCpuMsPerOrder)), '–'],
    ['services above idle', ...measured.map((step) => ms(step.cost.serviceCpuMsPerOrderAboveIdle)), '–'],
  ];
  const shown = measured.find((step) => step.rate === saga.maxSustainedRate) ?? measured[0];
  const cost = shown.cost;
  const serviceRows = Object.entries(cost.perService).map(([name, work]) => [
    name,
    work.produced.toFixed(1),
    work.applied.toFixed(1),
    work.transactions.toFixed(1),
    work.statements.toFixed(1),
    work.rowsWritten.toFixed(1),
    count(cost.peakRssMb[name] ?? Number.NaN),
    (cost.lockWaits[name] ?? Number.NaN).toFixed(2),
  ]);
  const others = Object.entries(cost.peakRssMb).filter(([name]) => !(name in cost.perService));
  return [
    `CPU milliseconds per completed order, by process (from /proc, from the step's start to rest after it, so a step's backlog counts where it is worked off), ` +
      `and CPU milliseconds per second at rest after the last step (pollers, fetch loops); *above idle*: less what the services use at rest over the same window:`,
    table(['process', ...measured.map((step) => `${step.rate}/s`), 'at rest ms/s'], cpuRows),
    `Per completed order at ${shown.rate}/s (${count(cost.orders)} orders): events each service produced (outbox rows) and applied (inbox rows), ` +
      `its database transactions and rows written (pg_stat_database) and statements (pg_stat_statements), its peak resident memory, and how many of its database sessions ` +
      `waited for a lock on average while the orders came in (pg_stat_activity every 200 ms). ` +
      `The bench made ${cost.httpRequestsPerOrder.toFixed(1)} HTTP requests per order (order, dispatches, payments); peak memory of the rest: ` +
      `${others.map(([name, mb]) => `${name} ${count(mb)} MiB`).join(', ')} (Postgres: the sum over its processes at the step's end).`,
    table(['service', 'events produced', 'events applied', 'transactions', 'statements', 'rows written', 'peak RSS MiB', 'waiting for locks'], serviceRows),
  ].join('\n\n');
}

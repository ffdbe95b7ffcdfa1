import { databaseUrlVariable, defaultStateDir, freePorts, startProcess, stopProcess, waitUntilReady } from '@tradeflow/testing';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchInfrastructure } from '../environment/bench-infrastructure';
import { stopOnInterrupt } from '../environment/interrupts';
import type { ScratchResources } from '../environment/scratch-resources';

const ROOT = join(__dirname, '../../../..');

/** The services an order passes through on its way to an invoice. */
export const SAGA_SERVICES = ['order', 'inventory', 'shipping', 'invoicing'] as const;
type CoreService = (typeof SAGA_SERVICES)[number];
export type SagaService = CoreService | 'crm-sync';

export const BENCH_API_KEY = 'tf_bench_0123456789abcdef';
/** Signs the customer the bench pushes as the CRM would (local only). */
export const BENCH_CRM_SECRET = 'bench-crm-webhook-secret-0123456789abcdef';
/** The partners' webhook secrets every service must be given; the bench itself calls the staff routes. */
const BENCH_PARTNER_SECRET = 'bench-partner-webhook-secret-0123456789abcdef';

/** A service as the cost model and the rest probe see it. */
export interface SagaProcess {
  name: SagaService;
  pid: number;
  databaseUrl: string;
  /** Its consumer group's id on the broker (KAFKA_TOPIC_PREFIX namespaces groups as it does topics). */
  consumerGroupId: string;
}

export interface SagaStack {
  prefix: string;
  urls: Record<CoreService, string>;
  crmSyncUrl?: string;
  processes: SagaProcess[];
  /** Where each service's log is kept after the run, to look at when a figure is odd. */
  logDir: string;
  stop(): Promise<void>;
}

/**
 * Every service as its own process (crm-sync too once it exists), started exactly as the local stack starts it (same main.ts,
 * configured only by environment, its own defaults), each with a fresh database, on topics and
 * consumer groups under a prefix of the run's own.
 */
export async function startSagaStack(
  infrastructure: BenchInfrastructure,
  scratch: ScratchResources,
  runId: string,
  label: string,
  /** OTLP/HTTP receiver of the sampled orders' traces (TRACED_ORDER_SHARE of them). */
  tracesUrl?: string,
): Promise<SagaStack> {
  const missing = SAGA_SERVICES.filter((service) => !existsSync(mainOf(service)));
  if (missing.length > 0) throw new Error(`the saga needs ${missing.map((service) => `apps/${service}`).join(', ')}`);
  // crm-sync feeds the order service's customer checks wherever it exists.
  const services: SagaService[] = existsSync(mainOf('crm-sync')) ? [...SAGA_SERVICES, 'crm-sync'] : [...SAGA_SERVICES];
  const prefix = `bench-${runId}-saga.`;
  scratch.ownTopicsUnder(prefix);
  const logDir = join(defaultStateDir(), 'bench', `saga-${label}`);
  const profiling = process.env.BENCH_SERVICE_PROF === '1';
  if (profiling) for (const service of services) rmSync(cpuProfileDir(logDir, service), { recursive: true, force: true });
  const ports = await freePorts(services.length);
  const urls = {} as Record<SagaService, string>;
  const started: SagaService[] = [];
  const processes: SagaProcess[] = [];
  const stop = async () => {
    interrupted();
    await Promise.all(started.map((service) => stopProcess(logDir, service, 'SIGTERM', 15_000)));
  };
  const interrupted = stopOnInterrupt(stop);
  try {
    await Promise.all(
      services.map(async (service, index) => {
        const databaseUrl = await scratch.database(`bench_${service}_${runId}`);
        const env = { ...benchServiceEnv(service, infrastructure, prefix, databaseUrl, ports[index]), ...(tracesUrl ? sampledTraces(tracesUrl) : {}) };
        const running = startProcess({
          name: service,
          command: process.execPath,
          // BENCH_SERVICE_PROF=1: a CPU profile per service (its .cpuprofile beside its log, written when it stops).
          args: [...(profiling ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir(logDir, service)}`] : []), '--require', '@swc-node/register', mainOf(service)],
          stateDir: logDir,
          env,
          detached: false,
        });
        started.push(service);
        processes.push({ name: service, pid: running.pid, databaseUrl, consumerGroupId: `${prefix}${service}` });
        urls[service] = `http://127.0.0.1:${ports[index]}`;
        const ready = async () => (await fetch(`${urls[service]}/health/ready`)).ok;
        await waitUntilReady(running, ready, 180_000);
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { prefix, urls, crmSyncUrl: urls['crm-sync'], processes, logDir, stop };
}

/** How the bench configures a service it starts: only by environment, as the local stack does. */
export function benchServiceEnv(
  service: SagaService,
  infrastructure: BenchInfrastructure,
  prefix: string,
  databaseUrl: string,
  port: number,
): Record<string, string> {
  return {
    KAFKA_BROKERS: infrastructure.kafkaBrokers,
    SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
    KAFKA_TOPIC_PREFIX: prefix,
    [databaseUrlVariable(service)]: databaseUrl,
    ORDER_BOOTSTRAP_API_KEY: `bench:${BENCH_API_KEY}:orders:write,orders:read`,
    CRM_WEBHOOK_SECRET: BENCH_CRM_SECRET,
    PAYMENT_PROVIDER_WEBHOOK_SECRET: BENCH_PARTNER_SECRET,
    CARRIER_WEBHOOK_SECRET: BENCH_PARTNER_SECRET,
    OIDC_ISSUER_URL: infrastructure.oidcIssuerUrl,
    // One shop channel and one warehouse bot send every request: the per-principal limit would measure itself.
    RATE_LIMIT_PER_MINUTE: '10000000',
    PORT: String(port),
    // The bench reads no metrics: any free port.
    METRICS_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
  };
}

/** Share of orders whose traces the services export: enough for the hop times, little enough not to weigh on the figures. */
export const TRACED_ORDER_SHARE = 0.1;

/** A share of the traces, decided where each starts (the order's POST) and followed by every service after it. */
function sampledTraces(url: string): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: url,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: String(TRACED_ORDER_SHARE),
  };
}

/** Where a service's CPU profile goes (BENCH_SERVICE_PROF=1). */
export function cpuProfileDir(logDir: string, service: string): string {
  return join(logDir, service, 'cpu-profile');
}

export function mainOf(service: SagaService): string {
  return join(ROOT, 'apps', service, 'src', 'main.ts');
}

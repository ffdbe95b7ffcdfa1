import { createDatabase, databaseUrlVariable, requiredEnv, serviceUnderTestEnv, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Launch, ServiceProcess } from './service-process';
import { sourceLaunch, startServiceProcess } from './service-process';

export const API_KEY = 'tf_test_0123456789abcdef';
/** A back-office key that may approve held orders. */
export const APPROVER_KEY = 'tf_test_approver_0123456789';
export const CRM_WEBHOOK_SECRET = 'e2e-crm-webhook-secret-0123456789abcdef';
export const CARRIER_WEBHOOK_SECRET = 'e2e-carrier-webhook-secret-0123456789abcdef';
export const PAYMENT_PROVIDER_WEBHOOK_SECRET = 'e2e-payment-provider-webhook-secret-0123456789';

export type SliceService = 'order' | 'inventory' | 'shipping' | 'invoicing' | 'crm-sync';

export interface Slice {
  prefix: string;
  order: ServiceProcess;
  inventory: ServiceProcess;
  shipping: ServiceProcess;
  invoicing: ServiceProcess;
  'crm-sync': ServiceProcess;
  /** Each service's database URL, for tests that look at (or tamper with) rows directly. */
  databaseUrls: Record<SliceService, string>;
  /** Stops one service and starts it again on the same database and topics, with extra settings. */
  restart(service: SliceService, env?: Record<string, string>): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * The services as separate processes over the real broker, registry and a fresh database each,
 * on topics of their own (a prefix) so suites never see each other's events.
 */
export async function startSlice(
  overrides: Partial<Record<SliceService, Record<string, string>>> = {},
  launch: (service: SliceService) => Launch = sourceLaunch,
): Promise<Slice> {
  const prefix = uniqueTopicPrefix();
  const admin = requiredEnv('DATABASE_ADMIN_URL');
  const suffix = randomUUID().slice(0, 8);
  const common = {
    // Kafka, registry and the OpenID provider; the process gets its own ports (service-process.ts).
    ...serviceUnderTestEnv(),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    OUTBOX_POLL_INTERVAL_MS: '200',
    LOG_LEVEL: 'warn',
  };
  const own: Record<SliceService, Record<string, string>> = {
    order: {
      ORDER_BOOTSTRAP_API_KEY: `e2e-shop:${API_KEY}:orders:write,orders:read;e2e-backoffice:${APPROVER_KEY}:orders:approve,orders:read`,
    },
    inventory: {},
    shipping: { LABEL_RETRY_BASE_MS: '100', CARRIER_WEBHOOK_SECRET },
    invoicing: { PAYMENT_PROVIDER_WEBHOOK_SECRET },
    'crm-sync': { CRM_WEBHOOK_SECRET },
  };
  const names = Object.keys(own) as SliceService[];
  for (const name of names) {
    own[name][databaseUrlVariable(name)] = await createDatabase(admin, `${name.replace('-', '_')}_${suffix}`);
  }
  const envOf = (name: SliceService, extra: Record<string, string> = {}) => ({
    ...common,
    ...own[name],
    ...overrides[name],
    ...extra,
  });
  // Every start settles before any is looked at, so one that fails never leaves the others running.
  const started = await Promise.allSettled(names.map((name) => startServiceProcess(name, envOf(name), launch(name))));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    throw failed.reason;
  }
  const running = Object.fromEntries(
    names.map((name, index) => [name, (started[index] as PromiseFulfilledResult<ServiceProcess>).value]),
  ) as Record<SliceService, ServiceProcess>;

  const slice: Slice = {
    prefix,
    ...running,
    databaseUrls: Object.fromEntries(names.map((name) => [name, own[name][databaseUrlVariable(name)]])) as Record<SliceService, string>,
    async restart(name, env) {
      await slice[name].stop();
      slice[name] = await startServiceProcess(name, envOf(name, env), launch(name));
      return slice[name];
    },
    async stop() {
      await Promise.all(names.map((name) => slice[name].stop()));
    },
  };
  return slice;
}

export async function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

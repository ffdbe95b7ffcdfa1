import { createDatabase, requiredEnv, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { ServiceProcess } from './service-process';
import { startServiceProcess } from './service-process';

export const API_KEY = 'tf_test_0123456789abcdef';

export interface Slice {
  prefix: string;
  order: ServiceProcess;
  inventory: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * The order and inventory services as separate processes over the real broker, registry and a
 * fresh database each, on topics of their own (a prefix) so suites never see each other's events.
 */
export async function startSlice(): Promise<Slice> {
  const prefix = uniqueTopicPrefix();
  const admin = requiredEnv('DATABASE_ADMIN_URL');
  const suffix = randomUUID().slice(0, 8);
  const common = {
    KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: requiredEnv('SCHEMA_REGISTRY_URL'),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    OUTBOX_POLL_INTERVAL_MS: '200',
    LOG_LEVEL: 'warn',
  };
  const [order, inventory] = await Promise.all([
    startServiceProcess('order', {
      ...common,
      DATABASE_URL_ORDER: await createDatabase(admin, `order_${suffix}`),
      ORDER_BOOTSTRAP_API_KEY: `e2e-shop:${API_KEY}:orders:write,orders:read`,
    }),
    startServiceProcess('inventory', {
      ...common,
      DATABASE_URL_INVENTORY: await createDatabase(admin, `inventory_${suffix}`),
    }),
  ]);
  return {
    prefix,
    order,
    inventory,
    async stop() {
      await Promise.all([order.stop(), inventory.stop()]);
    },
  };
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

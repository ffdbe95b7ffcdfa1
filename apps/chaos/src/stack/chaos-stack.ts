import { databaseUrlVariable, freePorts } from '@tradeflow/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChaosInfrastructure, ChaosService } from './chaos-infrastructure';
import { CHAOS_SERVICES } from './chaos-infrastructure';
import { SupervisedService } from './supervised-service';

export const CHAOS_API_KEY = 'tf_chaos_0123456789abcdef';
/** Signs the customers chaos pushes as the CRM would (local only). */
export const CHAOS_CRM_SECRET = 'chaos-crm-webhook-secret-0123456789abcdef';

export type ChaosStack = Record<ChaosService, SupervisedService>;

/**
 * Settings that differ from the services' defaults, and why: a SIGKILLed consumer's partitions
 * wait for its session to time out, so a short session keeps a kill every few seconds from
 * stalling the group for half a minute each time; a capped retry back-off resumes consumption
 * soon after an outage ends. Everything else is as deployed.
 */
const TUNING = {
  KAFKA_SESSION_TIMEOUT_MS: '10000',
  KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
  CONSUMER_RETRY_MAX_MS: '5000',
  OUTBOX_POLL_INTERVAL_MS: '500',
  LABEL_RETRY_BASE_MS: '200',
};

export async function startChaosStack(infrastructure: ChaosInfrastructure, logDir: string): Promise<ChaosStack> {
  mkdirSync(logDir, { recursive: true });
  const ports = await freePorts(CHAOS_SERVICES.length);
  const services = CHAOS_SERVICES.map((name, index) => {
    const env = {
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
      [databaseUrlVariable(name)]: infrastructure.databaseUrls[name],
      ORDER_BOOTSTRAP_API_KEY: `chaos:${CHAOS_API_KEY}:orders:write,orders:read`,
      CRM_WEBHOOK_SECRET: CHAOS_CRM_SECRET,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...TUNING,
    };
    return new SupervisedService(name, ports[index], env, join(logDir, `${name}.log`));
  });
  const stack = Object.fromEntries(services.map((service) => [service.name, service])) as ChaosStack;
  try {
    await Promise.all(services.map((service) => service.start()));
  } catch (error) {
    await stopChaosStack(stack);
    throw error;
  }
  return stack;
}

export async function stopChaosStack(stack: ChaosStack): Promise<void> {
  await Promise.all(Object.values(stack).map((service) => service.stop()));
}

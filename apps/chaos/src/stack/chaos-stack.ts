import { databaseUrlVariable, freePorts } from '@tradeflow/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChaosInfrastructure, ChaosService } from './chaos-infrastructure';
import { CHAOS_SERVICES } from './chaos-infrastructure';
import { SupervisedService } from './supervised-service';

export const CHAOS_API_KEY = 'tf_chaos_0123456789abcdef';
/** Partners' webhook secrets (local only): the CRM's customers, the carrier's deliveries, the payment provider's payments. */
export const CHAOS_CRM_SECRET = 'chaos-crm-webhook-secret-0123456789abcdef';
export const CHAOS_CARRIER_SECRET = 'chaos-carrier-webhook-secret-0123456789abcdef';
export const CHAOS_PAYMENT_PROVIDER_SECRET = 'chaos-payment-provider-webhook-secret-0123456789';

export type ChaosStack = Record<ChaosService, SupervisedService>;

/**
 * Settings that differ from the services' defaults, and why: a SIGKILLed consumer's partitions
 * wait for its session to time out, so a short session keeps a kill every few seconds from
 * stalling the group for half a minute each time; a capped retry back-off resumes consumption
 * soon after an outage ends; the load's one client per role stands in for a whole workforce and
 * every shop, so no per-principal rate limit applies. Everything else is as deployed.
 */
const TUNING = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  KAFKA_SESSION_TIMEOUT_MS: '10000',
  KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
  CONSUMER_RETRY_MAX_MS: '5000',
  OUTBOX_POLL_INTERVAL_MS: '500',
  LABEL_RETRY_BASE_MS: '200',
};

export async function startChaosStack(infrastructure: ChaosInfrastructure, logDir: string): Promise<ChaosStack> {
  mkdirSync(logDir, { recursive: true });
  const ports = await freePorts(CHAOS_SERVICES.length * 2);
  const services = CHAOS_SERVICES.map((name, index) => {
    const env = {
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
      OIDC_ISSUER_URL: infrastructure.oidcIssuerUrl,
      [databaseUrlVariable(name)]: infrastructure.databaseUrls[name],
      ORDER_BOOTSTRAP_API_KEY: `chaos:${CHAOS_API_KEY}:orders:write,orders:read`,
      CRM_WEBHOOK_SECRET: CHAOS_CRM_SECRET,
      CARRIER_WEBHOOK_SECRET: CHAOS_CARRIER_SECRET,
      PAYMENT_PROVIDER_WEBHOOK_SECRET: CHAOS_PAYMENT_PROVIDER_SECRET,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...TUNING,
    };
    const [port, metricsPort] = ports.slice(index * 2, index * 2 + 2);
    return new SupervisedService(name, { port, metricsPort }, env, join(logDir, `${name}.log`));
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

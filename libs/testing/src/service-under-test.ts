import { requiredEnv } from './kafka/test-kafka';

/**
 * The settings every service started by a test shares: the run's Kafka, registry and OpenID
 * provider, free ports for the API and `/metrics`, quiet logs. A harness adds its database, topic
 * prefix and consumer group.
 */
export function serviceUnderTestEnv(): Record<string, string> {
  return {
    KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: requiredEnv('SCHEMA_REGISTRY_URL'),
    OIDC_ISSUER_URL: requiredEnv('OIDC_ISSUER_URL'),
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_PORT: '0',
  };
}

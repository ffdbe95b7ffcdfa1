import { MessagingSettings } from '@tradeflow/messaging';
import { loadConfig } from '@tradeflow/platform';

/**
 * The numeric libs/messaging settings ours and the saga's services run with: their defaults, or
 * the value in the bench's environment (contenders and services inherit it).
 */
export function messagingTuning(env: NodeJS.ProcessEnv = process.env): Record<string, number> {
  // Placeholders for the required settings that are not tuning.
  const required = { KAFKA_BROKERS: '127.0.0.1:9092', SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081', OIDC_ISSUER_URL: 'http://127.0.0.1:9400' };
  const settings = loadConfig(MessagingSettings, { ...env, ...required });
  const tuning = Object.entries(settings).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number' && /^(KAFKA|CONSUMER|OUTBOX)_/.test(entry[0]),
  );
  return Object.fromEntries(tuning);
}

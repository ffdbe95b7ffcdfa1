import { ConfigError, loadConfig } from '@tradeflow/platform';
import { InvoicingSettings } from './invoicing-settings';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const PREVIOUS = 'the-previous-webhook-secret-of-32-characters';
const base = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
  OIDC_ISSUER_URL: 'http://127.0.0.1:9400',
  DATABASE_URL_INVOICING: 'postgres://invoicing:invoicing@127.0.0.1:5432/invoicing',
  PAYMENT_PROVIDER_WEBHOOK_SECRET: SECRET,
};

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(InvoicingSettings, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('InvoicingSettings', () => {
  it('has a 300 s webhook tolerance and no previous secret unless one is rotated out', () => {
    const settings = loadConfig(InvoicingSettings, base);
    expect(settings.PAYMENT_PROVIDER_WEBHOOK_SECRET.reveal()).toBe(SECRET);
    expect(settings.PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET).toBeUndefined();
    expect(settings.PAYMENT_PROVIDER_WEBHOOK_TOLERANCE_SECONDS).toBe(300);
  });

  it('names a missing webhook secret', () => {
    expect(problems({ ...base, PAYMENT_PROVIDER_WEBHOOK_SECRET: undefined })).toContain('PAYMENT_PROVIDER_WEBHOOK_SECRET is not set');
  });

  it('refuses a short secret, current or previous, without printing it', () => {
    const message = problems({ ...base, PAYMENT_PROVIDER_WEBHOOK_SECRET: 'short-but-secret', PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET: 'old-and-short' });
    expect(message).toContain('PAYMENT_PROVIDER_WEBHOOK_SECRET has value [redacted]: must be a secret of at least 32 characters');
    expect(message).toContain('PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET has value [redacted]');
    expect(message).not.toContain('short-but-secret');
    expect(message).not.toContain('old-and-short');
  });

  it('keeps both secrets during a rotation and never prints them', () => {
    const settings = loadConfig(InvoicingSettings, { ...base, PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET: PREVIOUS });
    expect(settings.PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET?.reveal()).toBe(PREVIOUS);
    expect(JSON.stringify(settings)).not.toMatch(new RegExp(`${SECRET}|${PREVIOUS}`));
  });
});

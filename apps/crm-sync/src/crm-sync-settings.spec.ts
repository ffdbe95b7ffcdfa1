import { ConfigError, loadConfig } from '@tradeflow/platform';
import { CrmSyncSettings } from './crm-sync-settings';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const base = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
  OIDC_ISSUER_URL: 'http://127.0.0.1:9400',
  DATABASE_URL_CRM_SYNC: 'postgres://crm_sync:crm_sync@127.0.0.1:5432/crm_sync',
  CRM_WEBHOOK_SECRET: SECRET,
};

function problems(env: Record<string, string>): string {
  try {
    loadConfig(CrmSyncSettings, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('CrmSyncSettings', () => {
  it('has local defaults and keeps activity when no CRM URL is set', () => {
    const settings = loadConfig(CrmSyncSettings, base);
    expect(settings.PORT).toBe(3005);
    expect(settings.CRM_WEBHOOK_TOLERANCE_SECONDS).toBe(300);
    expect(settings.CRM_ACTIVITY_URL).toBeUndefined();
    expect(settings.CRM_ACTIVITY_MAX_ATTEMPTS).toBe(5);
    expect(settings.CRM_ACTIVITY_RETRY_BASE_MS).toBe(1000);
    expect(settings.CRM_WEBHOOK_SECRET.reveal()).toBe(SECRET);
    expect(settings.CRM_WEBHOOK_PREVIOUS_SECRET).toBeUndefined();
  });

  it('takes a previous webhook secret during a rotation, kept as secret as the current one', () => {
    const previous = 'the-previous-webhook-secret-of-32-characters';
    const settings = loadConfig(CrmSyncSettings, { ...base, CRM_WEBHOOK_PREVIOUS_SECRET: previous });
    expect(settings.CRM_WEBHOOK_PREVIOUS_SECRET?.reveal()).toBe(previous);
    expect(JSON.stringify(settings)).not.toContain(previous);
    const message = problems({ ...base, CRM_WEBHOOK_PREVIOUS_SECRET: 'short-old-one' });
    expect(message).toContain('CRM_WEBHOOK_PREVIOUS_SECRET has value [redacted]');
    expect(message).not.toContain('short-old-one');
  });

  it('names a missing database URL and webhook secret', () => {
    const message = problems({ KAFKA_BROKERS: base.KAFKA_BROKERS, SCHEMA_REGISTRY_URL: base.SCHEMA_REGISTRY_URL });
    expect(message).toContain('DATABASE_URL_CRM_SYNC is not set');
    expect(message).toContain('CRM_WEBHOOK_SECRET is not set');
  });

  it('refuses a short secret without printing it', () => {
    const message = problems({ ...base, CRM_WEBHOOK_SECRET: 'short-but-secret' });
    expect(message).toContain('CRM_WEBHOOK_SECRET has value [redacted]');
    expect(message).not.toContain('short-but-secret');
  });

  it('requires the activity secret once an activity URL is set', () => {
    expect(problems({ ...base, CRM_ACTIVITY_URL: 'https://crm.example.com/activity' })).toContain(
      'CRM_ACTIVITY_SECRET is not set',
    );
    const settings = loadConfig(CrmSyncSettings, {
      ...base,
      CRM_ACTIVITY_URL: 'http://127.0.0.1:4000/activity',
      CRM_ACTIVITY_SECRET: SECRET,
    });
    expect(settings.CRM_ACTIVITY_SECRET?.reveal()).toBe(SECRET);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
  });

  it('refuses an activity URL that is not http(s)', () => {
    expect(problems({ ...base, CRM_ACTIVITY_URL: 'ftp://crm', CRM_ACTIVITY_SECRET: SECRET })).toContain(
      'CRM_ACTIVITY_URL has value "ftp://crm": must be an http(s) URL',
    );
  });
});

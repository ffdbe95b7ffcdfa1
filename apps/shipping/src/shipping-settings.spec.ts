import { ConfigError, loadConfig } from '@tradeflow/platform';
import { ShippingSettings } from './shipping-settings';

const SECRET = 'a-carrier-secret-of-at-least-32-characters';
const required = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
  OIDC_ISSUER_URL: 'http://127.0.0.1:9400',
  DATABASE_URL_SHIPPING: 'postgres://shipping:shipping@127.0.0.1:5432/shipping',
  CARRIER_WEBHOOK_SECRET: SECRET,
};

describe('ShippingSettings', () => {
  it('has the documented defaults', () => {
    const settings = loadConfig(ShippingSettings, required);
    expect(settings).toMatchObject({
      PORT: 3004,
      LOCAL_CARRIER_FAILURE_RATE: 0,
      LABEL_MAX_ATTEMPTS: 3,
      LABEL_RETRY_BASE_MS: 500,
      LABEL_RETRY_MAX_MS: 30_000,
      LABEL_POLL_INTERVAL_MS: 1000,
      LABEL_TIMEOUT_MS: 10_000,
      CARRIER_WEBHOOK_TOLERANCE_SECONDS: 300,
    });
    expect(settings.CARRIER_WEBHOOK_SECRET.reveal()).toBe(SECRET);
    expect(settings.CARRIER_WEBHOOK_PREVIOUS_SECRET).toBeUndefined();
  });

  it('keeps the carrier secrets out of anything printed', () => {
    const previous = 'the-previous-carrier-secret-still-accepted';
    const settings = loadConfig(ShippingSettings, { ...required, CARRIER_WEBHOOK_PREVIOUS_SECRET: previous });
    expect(settings.CARRIER_WEBHOOK_PREVIOUS_SECRET?.reveal()).toBe(previous);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    expect(JSON.stringify(settings)).not.toContain(previous);
  });

  it('reads a failure rate between 0 and 1', () => {
    expect(loadConfig(ShippingSettings, { ...required, LOCAL_CARRIER_FAILURE_RATE: '0.25' }).LOCAL_CARRIER_FAILURE_RATE).toBe(0.25);
  });

  it.each([
    [{ DATABASE_URL_SHIPPING: undefined }, 'DATABASE_URL_SHIPPING is not set'],
    [{ DATABASE_URL_SHIPPING: 'mysql://x' }, 'DATABASE_URL_SHIPPING has value [redacted]: must be a postgres:// connection URL'],
    [{ LOCAL_CARRIER_FAILURE_RATE: '1.5' }, 'LOCAL_CARRIER_FAILURE_RATE has value 1.5'],
    [{ LOCAL_CARRIER_FAILURE_RATE: 'often' }, 'LOCAL_CARRIER_FAILURE_RATE has value'],
    [{ LABEL_MAX_ATTEMPTS: '0' }, 'LABEL_MAX_ATTEMPTS has value 0'],
    [{ LABEL_RETRY_BASE_MS: '1.5' }, 'LABEL_RETRY_BASE_MS has value 1.5'],
    [{ LABEL_TIMEOUT_MS: '10' }, 'LABEL_TIMEOUT_MS has value 10'],
    [{ CARRIER_WEBHOOK_SECRET: undefined }, 'CARRIER_WEBHOOK_SECRET is not set'],
    [{ CARRIER_WEBHOOK_SECRET: 'short-but-secret' }, 'CARRIER_WEBHOOK_SECRET has value [redacted]: must be a secret of at least 32 characters'],
    [{ CARRIER_WEBHOOK_PREVIOUS_SECRET: 'short-but-secret' }, 'CARRIER_WEBHOOK_PREVIOUS_SECRET has value [redacted]'],
    [{ CARRIER_WEBHOOK_TOLERANCE_SECONDS: '0' }, 'CARRIER_WEBHOOK_TOLERANCE_SECONDS has value 0'],
  ])('refuses %j naming the variable', (override, message) => {
    expect(() => loadConfig(ShippingSettings, { ...required, ...override })).toThrow(ConfigError);
    expect(() => loadConfig(ShippingSettings, { ...required, ...override })).toThrow(message);
  });
});

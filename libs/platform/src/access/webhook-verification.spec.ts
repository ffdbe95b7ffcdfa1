import { createHmac } from 'node:crypto';
import { signWebhook } from '../http/webhook-signature';
import { verifyWebhook } from './webhook-verification';

const secret = 'test-secret-test-secret-test-secret';
const now = 1_760_000_000_000;
const timestamp = now / 1000;
const body = Buffer.from('{"customerId":"CUST-1","name":"Ada"}');
const policy = { secrets: [secret], toleranceSeconds: 300, nowMs: now };

function request(overrides: Partial<{ timestamp: string; signature: string; body: Buffer }> = {}) {
  return { timestamp: String(timestamp), signature: signWebhook(secret, timestamp, body), body, ...overrides };
}

describe('signWebhook', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" (what `openssl dgst -sha256 -hmac` prints)', () => {
    const hex = createHmac('sha256', secret).update(`${timestamp}.${body.toString()}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${hex}`);
    expect(signWebhook(secret, timestamp, body.toString())).toBe(`sha256=${hex}`);
  });
});

describe('verifyWebhook', () => {
  it('accepts a correct signature and returns it for replay protection', () => {
    const signed = request();
    expect(verifyWebhook(signed, policy)).toEqual({ valid: true, timestamp, signature: signed.signature.slice(7) });
  });

  it('accepts upper-case hex and a timestamp at the edge of the tolerance', () => {
    const old = timestamp - 300;
    const signature = signWebhook(secret, old, body).toUpperCase().replace('SHA256=', 'sha256=');
    expect(verifyWebhook(request({ timestamp: String(old), signature }), policy)).toMatchObject({ valid: true });
  });

  it.each([
    ['no timestamp', { timestamp: '' }, 'missing x-tradeflow-timestamp header'],
    ['a timestamp in milliseconds written as a date', { timestamp: '2025-10-09T00:00:00Z' }, 'must be unix seconds'],
    ['an old timestamp', { timestamp: String(timestamp - 301) }, 'more than 300 s old'],
    ['a timestamp from the future', { timestamp: String(timestamp + 301) }, 'more than 300 s in the future'],
    ['no signature', { signature: '' }, 'missing x-tradeflow-signature header'],
    ['a signature without the scheme', { signature: 'a'.repeat(64) }, 'must be sha256=<64 hex digits>'],
    ['a truncated signature', { signature: 'sha256=abcd' }, 'must be sha256=<64 hex digits>'],
    ['another secret', { signature: signWebhook('another-secret', timestamp, body) }, 'signature does not match'],
    ['a changed body', { body: Buffer.from('{"customerId":"CUST-2","name":"Ada"}') }, 'signature does not match'],
    ['a re-serialised body', { body: Buffer.from('{ "customerId": "CUST-1", "name": "Ada" }') }, 'signature does not match'],
  ])('refuses %s', (_name, overrides, reason) => {
    const result = verifyWebhook(request(overrides), policy);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toContain(reason);
  });

  it('refuses a timestamp re-signed with a different time than the header says', () => {
    const signature = signWebhook(secret, timestamp - 10, body);
    expect(verifyWebhook(request({ signature }), policy)).toEqual({ valid: false, reason: 'signature does not match' });
  });

  it('refuses a request without a body', () => {
    expect(verifyWebhook({ ...request(), body: undefined }, policy)).toMatchObject({ valid: false });
  });
});

describe('verifyWebhook during a secret rotation', () => {
  const previous = 'previous-secret-previous-secret-previous';
  const rotating = { ...policy, secrets: [secret, previous] };

  it('accepts a signature made with either active secret', () => {
    expect(verifyWebhook(request({ signature: signWebhook(previous, timestamp, body) }), rotating)).toMatchObject({ valid: true });
    expect(verifyWebhook(request(), rotating)).toMatchObject({ valid: true });
  });

  it('refuses the previous secret once the rotation is over', () => {
    const signed = request({ signature: signWebhook(previous, timestamp, body) });
    expect(verifyWebhook(signed, policy)).toEqual({ valid: false, reason: 'signature does not match' });
  });
});

import { createHmac } from 'node:crypto';

/** Unix seconds when the sender signed the request. */
export const TIMESTAMP_HEADER = 'x-tradeflow-timestamp';
/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`; platform logs redact this header. */
export const SIGNATURE_HEADER = 'x-tradeflow-signature';

/** The signature header value for `body` sent at `timestamp` (unix seconds); the receiver and every sender use it. */
export function signWebhook(secret: string, timestamp: number, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/** Headers of a signed JSON webhook request carrying `body`, signed now unless a timestamp is given. */
export function signedWebhookHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'content-type': 'application/json', [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body) };
}

import { signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { devAuthorization } from '@tradeflow/testing';
import { CHAOS_API_KEY } from '../stack/chaos-stack';

/** Headers worked out again for each attempt of a request (a token refreshed, a webhook signed afresh). */
export type HeaderSource = () => Promise<Record<string, string>>;

/**
 * Who the load acts as: the shop with its channel API key, people of each role with bearer tokens
 * of the development clients (one client per role stands in for a whole workforce), and partners
 * signing their webhooks.
 */
export class ChaosCredentials {
  constructor(private readonly issuerUrl: string) {}

  /** The shop's channel key, with the request's own Idempotency-Key when it writes. */
  shop(idempotencyKey?: string): HeaderSource {
    const headers: Record<string, string> = { 'x-api-key': CHAOS_API_KEY, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
    return () => Promise.resolve(headers);
  }

  /** A bearer token of the development client (cached by devAccessToken until shortly before it expires). */
  as(client: DevClient): HeaderSource {
    return () => devAuthorization(client, this.issuerUrl);
  }
}

/**
 * `body` signed with the partner's secret, afresh for every attempt: a signature is accepted once,
 * so an attempt sent again after a fault carries a later timestamp (never the same second twice)
 * and the route's own idempotency (paymentRef, a status already reached) answers as the first time.
 */
export function signedBy(secret: string, body: unknown): HeaderSource {
  let last = 0;
  return () => {
    last = Math.max(Math.floor(Date.now() / 1000), last + 1);
    return Promise.resolve(signedWebhookHeaders(secret, JSON.stringify(body), last));
  };
}

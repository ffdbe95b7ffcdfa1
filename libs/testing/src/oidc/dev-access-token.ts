import { DEV_AUDIENCE, devClientSecret, type DevClient } from './dev-identities';

const cache = new Map<string, { token: string; expiresAtMs: number }>();
/** Tokens are asked for again this long before they expire, so none runs out mid-request. */
const MARGIN_MS = 60_000;

/**
 * A bearer token of a development client (its roles: dev-identities.ts), by the client-credentials
 * grant against the development provider at OIDC_ISSUER_URL. Tests, the bench, chaos and reconcile
 * use it against the local stack.
 */
export async function devAccessToken(client: DevClient, issuerUrl = process.env.OIDC_ISSUER_URL): Promise<string> {
  if (!issuerUrl) throw new Error('OIDC_ISSUER_URL is not set: start the stack (npm start) or the test infrastructure first');
  const key = `${issuerUrl} ${client}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAtMs - MARGIN_MS > Date.now()) return cached.token;
  const response = await fetch(`${issuerUrl}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client}:${devClientSecret(client)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: DEV_AUDIENCE }),
  });
  if (!response.ok) throw new Error(`token for ${client} refused by ${issuerUrl}: ${response.status} ${await response.text()}`);
  const { access_token: token, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in: number };
  cache.set(key, { token, expiresAtMs: Date.now() + expiresIn * 1000 });
  return token;
}

/** `{ authorization: 'Bearer …' }` for a development client. */
export async function devAuthorization(client: DevClient, issuerUrl?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await devAccessToken(client, issuerUrl)}` };
}

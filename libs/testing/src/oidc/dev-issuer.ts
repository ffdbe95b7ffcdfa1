import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Provider from 'oidc-provider';
import { DEV_AUDIENCE, DEV_CLIENT_ROLES, DEV_CLIENTS, DEV_PEOPLE, devClientSecret } from './dev-identities';

/**
 * The development OpenID provider: oidc-provider (a certified implementation) with the development
 * clients and people. Access tokens are RS256 JWTs for the audience urn:tradeflow:api carrying
 * `roles`, exactly what the services validate in production against another issuer.
 *   node dev-issuer.ts <port> <key file>
 */
const [port, keyFile] = [Number(process.argv[2]), process.argv[3]];
const issuer = `http://127.0.0.1:${port}`;

/** The signing key survives restarts of the local stack, so tokens already handed out stay valid. */
function signingKey(): Record<string, unknown> {
  if (existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

const CONSOLE_REDIRECTS = (process.env.DEV_CONSOLE_REDIRECT_URIS ?? 'http://127.0.0.1:3000/auth/callback').split(',');

const provider = new Provider(issuer, {
  clients: [
    ...DEV_CLIENTS.map((client) => ({
      client_id: client,
      client_secret: devClientSecret(client),
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    {
      client_id: 'tradeflow-console',
      client_secret: 'dev-console-secret',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: CONSOLE_REDIRECTS,
    },
  ],
  jwks: { keys: [signingKey()] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name', 'roles'] },
  features: {
    clientCredentials: { enabled: true },
    // The login page accepts any listed user name; development only.
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => DEV_AUDIENCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid profile',
        audience: DEV_AUDIENCE,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 3600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  findAccount: (_context, sub) => {
    const person = DEV_PEOPLE[sub];
    if (!person) return undefined;
    return { accountId: sub, claims: () => ({ sub, name: person.name, roles: person.roles }) };
  },
  extraTokenClaims: (_context, token) => {
    if (token.kind === 'ClientCredentials') {
      const clientId = token.clientId as keyof typeof DEV_CLIENT_ROLES;
      const roles = DEV_CLIENT_ROLES[clientId] ?? [];
      return roles.includes('channel') ? { roles, channel: clientId } : { roles };
    }
    const accountId = 'accountId' in token ? String(token.accountId) : '';
    return { roles: DEV_PEOPLE[accountId]?.roles ?? [] };
  },
});

provider.listen(port, '127.0.0.1');
console.log(`development OpenID provider at ${issuer}`);

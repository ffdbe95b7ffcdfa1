import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';
import type { Role } from './roles';
import { ROLES } from './roles';

export interface OidcOptions {
  /** Exactly as the issuer writes `iss`, e.g. https://keycloak.example/realms/tradeflow. */
  issuerUrl: string;
  audience: string;
  /** Where the roles are in the token: `roles`, or a dotted path such as Keycloak's `realm_access.roles`. */
  rolesClaim: string;
  /** Overrides the `jwks_uri` of the issuer's discovery document. */
  jwksUrl?: string;
}

/** The token is not acceptable (401); the message says why without echoing the token. */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/** The issuer's keys could not be fetched (503): not the caller's fault. */
export class IssuerUnavailable extends Error {
  override readonly name = 'IssuerUnavailable';
}

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Validates bearer JWTs against the issuer's JWKS (jose): signature, issuer, audience, expiry.
 * The key set is discovered on first use, not at boot, so a service starts while its issuer is
 * down; jose caches the keys and fetches them again when a token names an unknown key id (rotation).
 */
export class BearerTokens {
  private keySet?: Promise<JWTVerifyGetKey>;

  constructor(private readonly options: OidcOptions) {}

  async verify(token: string): Promise<Principal> {
    const keys = await this.keys();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.options.issuerUrl,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
      }));
    } catch (error) {
      throw describeFailure(error);
    }
    if (!payload.sub) throw new InvalidToken('token has no subject (sub)');
    const roles = rolesOf(claimAt(payload, this.options.rolesClaim));
    const client = stringClaim(payload, 'azp') ?? stringClaim(payload, 'client_id') ?? payload.sub;
    const channel = roles.includes('channel') ? (stringClaim(payload, 'channel') ?? client) : undefined;
    return { subject: payload.sub, client, roles, channel, via: 'bearer' };
  }

  private keys(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.discover().catch((error: unknown) => {
      this.keySet = undefined;
      throw new IssuerUnavailable(`the OpenID issuer ${this.options.issuerUrl} is unreachable: ${(error as Error).message}`);
    });
    return this.keySet;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    if (this.options.jwksUrl) return createRemoteJWKSet(new URL(this.options.jwksUrl));
    const response = await fetch(`${this.options.issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error('discovery document has no jwks_uri');
    return createRemoteJWKSet(new URL(jwksUri));
  }
}

function describeFailure(error: unknown): Error {
  if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && error.message === 'fetch failed')) {
    return new IssuerUnavailable(`the OpenID issuer's keys could not be fetched: ${error.message}`);
  }
  if (error instanceof errors.JWTExpired) return new InvalidToken('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidToken(`token ${error.claim} is not acceptable`);
  if (error instanceof errors.JOSEError) return new InvalidToken(`token refused (${error.code})`);
  return new InvalidToken('token is not a valid JWT');
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Roles Tradeflow does not know are ignored, not refused: an issuer serves other applications too. */
function rolesOf(claim: unknown): Role[] {
  const given = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  return ROLES.filter((role) => given.includes(role));
}

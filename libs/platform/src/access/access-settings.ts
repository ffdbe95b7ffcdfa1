import { IsInt, IsOptional, IsString, IsUrl, Matches, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** How a service authenticates callers (part of every service's settings, see HttpServiceSettings). */
export class AccessSettings {
  /** The OpenID issuer whose tokens are accepted (`iss`); its discovery document names the JWKS. */
  @IsUrl(URL_OPTIONS, { message: 'must be the OpenID issuer URL, e.g. https://keycloak.example/realms/tradeflow' })
  OIDC_ISSUER_URL!: string;

  /** The audience (`aud`) tokens must be issued for. */
  @IsString()
  @Matches(/^\S+$/, { message: 'must be one audience value without spaces' })
  OIDC_AUDIENCE: string = 'urn:tradeflow:api';

  /** Where the roles are in a token: `roles`, or Keycloak's `realm_access.roles`. */
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { message: 'must be a claim name or a dotted path such as realm_access.roles' })
  OIDC_ROLES_CLAIM: string = 'roles';

  /** Only when the issuer's discovery document must not be used. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  OIDC_JWKS_URL?: string;

  /** Requests per minute one principal (token subject, channel, partner) may make to this service; then 429. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 6000;
}

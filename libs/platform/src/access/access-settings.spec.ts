import { ConfigError, loadConfig } from '../config/load-config';
import { AccessSettings } from './access-settings';

const ISSUER = 'https://keycloak.example/realms/tradeflow';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(AccessSettings, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('AccessSettings', () => {
  it('needs only the issuer; the audience, roles claim and rate limit have defaults', () => {
    expect({ ...loadConfig(AccessSettings, { OIDC_ISSUER_URL: ISSUER }) }).toEqual({
      OIDC_ISSUER_URL: ISSUER,
      OIDC_AUDIENCE: 'urn:tradeflow:api',
      OIDC_ROLES_CLAIM: 'roles',
      RATE_LIMIT_PER_MINUTE: 6000,
    });
  });

  it('refuses to start without an issuer, naming the variable', () => {
    expect(problems({})).toContain('OIDC_ISSUER_URL is not set');
    expect(problems({ OIDC_ISSUER_URL: 'keycloak' })).toContain('OIDC_ISSUER_URL has value "keycloak": must be the OpenID issuer URL');
  });

  it("reads roles from a nested claim such as Keycloak's realm_access.roles, and refuses what is not a claim path", () => {
    const settings = loadConfig(AccessSettings, { OIDC_ISSUER_URL: ISSUER, OIDC_ROLES_CLAIM: 'realm_access.roles' });
    expect(settings.OIDC_ROLES_CLAIM).toBe('realm_access.roles');
    expect(problems({ OIDC_ISSUER_URL: ISSUER, OIDC_ROLES_CLAIM: 'realm_access..roles' })).toContain('OIDC_ROLES_CLAIM');
    expect(problems({ OIDC_ISSUER_URL: ISSUER, OIDC_AUDIENCE: 'urn:a urn:b' })).toContain('must be one audience value without spaces');
  });

  it('refuses a rate limit below one request per minute', () => {
    expect(problems({ OIDC_ISSUER_URL: ISSUER, RATE_LIMIT_PER_MINUTE: '0' })).toContain('RATE_LIMIT_PER_MINUTE');
  });
});

import { Inject, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import * as oidc from 'openid-client';
import { CONSOLE_SETTINGS } from '../console-settings.provider';
import type { ConsoleSettings } from '../console-settings';
import type { PendingLogin, Person, Session } from '../session/session-store';
import { randomBytes } from 'node:crypto';

const SCOPE = 'openid profile';

/**
 * Authorization code + PKCE against the company's OpenID provider (openid-client). The person's
 * access token stays on the server, in the session; the browser never sees it.
 */
@Injectable()
export class OidcLogin {
  private configuration?: Promise<oidc.Configuration>;

  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {}

  get redirectUri(): string {
    return `${this.settings.CONSOLE_BASE_URL.replace(/\/+$/, '')}/auth/callback`;
  }

  /** Where to send the browser, and what the callback must check. */
  async begin(): Promise<{ url: URL; login: Omit<PendingLogin, 'expiresAtMs'> }> {
    const config = await this.config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, login: { codeVerifier, state, nonce } };
  }

  /** The code exchanged for tokens; the ID token's claims name the person and their roles. */
  async finish(callbackUrl: URL, login: PendingLogin): Promise<Session> {
    const config = await this.config();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new UnauthorizedException(`login refused: ${(error as Error).message}`);
    }
    const claims: Record<string, unknown> = tokens.claims() ?? { sub: '' };
    const person: Person = {
      subject: String(claims.sub),
      name: typeof claims.name === 'string' ? claims.name : String(claims.sub),
      roles: rolesOf(claims, this.settings.OIDC_ROLES_CLAIM),
    };
    return {
      person,
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      csrfToken: randomBytes(32).toString('base64url'),
      // The session ends with the access token: the person logs in again rather than acting on a stale grant.
      expiresAtMs: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
    };
  }

  /** The provider's logout, when it has one. */
  async logoutUrl(idToken: string | undefined): Promise<string | undefined> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    const parameters: Record<string, string> = { post_logout_redirect_uri: `${this.settings.CONSOLE_BASE_URL.replace(/\/+$/, '')}/` };
    if (idToken) parameters.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(config, parameters).href;
  }

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: Error) => {
      this.configuration = undefined;
      throw new ServiceUnavailableException(`the identity provider cannot be reached: ${error.message}`);
    });
    return this.configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const development = this.settings.NODE_ENV === 'development';
    return oidc.discovery(
      new URL(this.settings.OIDC_ISSUER_URL),
      this.settings.CONSOLE_CLIENT_ID,
      undefined,
      oidc.ClientSecretPost(this.settings.CONSOLE_CLIENT_SECRET.reveal()),
      // The development provider listens on plain http on 127.0.0.1; production issuers are https only.
      development ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  }
}

/** Roles at a claim name or dotted path (Keycloak: realm_access.roles). */
export function rolesOf(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
}

import type { DynamicModule, ExecutionContext } from '@nestjs/common';
import { Injectable, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AccessPolicy } from './access-policy';
import { ACCESS_POLICY } from './access-policy';
import type { AccessSettings } from './access-settings';
import { AccessGuard } from './access.guard';
import { BearerTokens } from './bearer-tokens';
import type { AuthenticatedRequest } from './principal';

const MINUTE_MS = 60_000;

/** Limits each principal across all routes of the service; runs after AccessGuard, which names the principal. */
@Injectable()
class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: AuthenticatedRequest): Promise<string> {
    return Promise.resolve(request.principal ? `${request.principal.via}:${request.principal.subject}` : `ip:${request.ip}`);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }
}

/**
 * Authentication, roles and rate limits for every route of a service (imported by
 * serviceRuntimeModules). Open routes (probes) and event handlers are not throttled.
 */
@Module({})
export class AccessModule {
  static forRoot(settings: AccessSettings): DynamicModule {
    const reflector = new Reflector();
    const skipIf = (context: ExecutionContext) =>
      context.getType() !== 'http' ||
      reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()])?.kind === 'open';
    return {
      module: AccessModule,
      imports: [ThrottlerModule.forRoot({ throttlers: [{ ttl: MINUTE_MS, limit: settings.RATE_LIMIT_PER_MINUTE }], skipIf })],
      providers: [
        {
          provide: BearerTokens,
          useValue: new BearerTokens({
            issuerUrl: settings.OIDC_ISSUER_URL,
            audience: settings.OIDC_AUDIENCE,
            rolesClaim: settings.OIDC_ROLES_CLAIM,
            jwksUrl: settings.OIDC_JWKS_URL,
          }),
        },
        // Order matters: the throttler counts per principal, which the access guard sets.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
      ],
    };
  }
}

import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessPolicy } from '@tradeflow/platform';
import { ACCESS_POLICY } from '@tradeflow/platform';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Session } from './session-store';
import { cookieValue, SESSION_COOKIE, SessionStore } from './session-store';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type SessionRequest = Request & { session?: Session };

/**
 * The console's routes declare who may call them with the services' own decorators (`@Allow(roles)`,
 * `@Open(why)`), checked here against the signed-in person's session instead of a bearer token. A
 * route without one is refused. State-changing calls also need the session's CSRF token in a header,
 * which another site's form or script cannot send (SameSite=Lax keeps the cookie off its POSTs too).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('Session');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<SessionRequest>();
    if (!policy || policy.kind === 'signed') {
      this.logger.error(`${request.method} ${request.path} declares no session policy; refused`);
      throw new ForbiddenException('this route declares no access policy');
    }
    if (policy.kind === 'open') return true;
    const session = this.sessions.find(cookieValue(request.header('cookie'), SESSION_COOKIE));
    if (!session) throw new UnauthorizedException('log in first');
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.header(CSRF_HEADER), session.csrfToken)) {
      throw new ForbiddenException(`${CSRF_HEADER} header missing or wrong`);
    }
    if (!policy.roles.some((role) => session.person.roles.includes(role))) {
      throw new ForbiddenException(`needs one of the roles ${policy.roles.join(', ')}`);
    }
    request.session = session;
    return true;
  }
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

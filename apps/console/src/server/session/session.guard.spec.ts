import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Allow, Open, Secret } from '@tradeflow/platform';
import type { ConsoleSettings } from '../console-settings';
import { SessionGuard } from './session.guard';
import { SESSION_COOKIE, SessionStore } from './session-store';

class Routes {
  @Allow(['ops'])
  replay() {
    return 'replayed';
  }

  @Open('the login')
  login() {
    return 'login';
  }

  undeclared() {
    return 'undeclared';
  }
}

const store = new SessionStore({ CONSOLE_SESSION_SECRET: new Secret('x'.repeat(32)) } as ConsoleSettings);
const guard = new SessionGuard(new Reflector(), store);
const cookieOf = (roles: string[]) =>
  store.open({ person: { subject: 'p', name: 'P', roles }, accessToken: 't', csrfToken: 'csrf-token', expiresAtMs: Date.now() + 60_000 });

function call(route: keyof Routes, { method = 'POST', cookie, csrf }: { method?: string; cookie?: string; csrf?: string }) {
  const headers: Record<string, string | undefined> = { cookie: cookie && `${SESSION_COOKIE}=${encodeURIComponent(cookie)}`, 'x-csrf-token': csrf };
  const request = { method, path: `/${route}`, header: (name: string) => headers[name] };
  const context = { getHandler: () => Routes.prototype[route], getClass: () => Routes, switchToHttp: () => ({ getRequest: () => request }) };
  return () => guard.canActivate(context as unknown as ExecutionContext);
}

describe('SessionGuard', () => {
  it('lets a signed-in person with the role and the CSRF token through', () => {
    expect(call('replay', { cookie: cookieOf(['ops']), csrf: 'csrf-token' })()).toBe(true);
  });

  it('answers 401 without a session or with a forged cookie', () => {
    expect(call('replay', { csrf: 'csrf-token' })).toThrow(UnauthorizedException);
    expect(call('replay', { cookie: `${cookieOf(['ops']).split('.')[0]}.forged`, csrf: 'csrf-token' })).toThrow(UnauthorizedException);
  });

  it('refuses a state-changing call without the CSRF token, and a person without the role', () => {
    expect(call('replay', { cookie: cookieOf(['ops']) })).toThrow('x-csrf-token header missing or wrong');
    expect(call('replay', { cookie: cookieOf(['auditor']), csrf: 'csrf-token' })).toThrow('needs one of the roles ops');
  });

  it('opens @Open routes to anyone and refuses a route that declares nothing', () => {
    expect(call('login', { method: 'GET' })()).toBe(true);
    expect(call('undeclared', { method: 'GET', cookie: cookieOf(['ops']) })).toThrow(ForbiddenException);
  });
});

import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { Allow, Open, STAFF } from '@tradeflow/platform';
import type { CookieOptions, Request, Response } from 'express';
import { CONSOLE_SETTINGS } from '../console-settings.provider';
import type { ConsoleSettings } from '../console-settings';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import { cookieValue, SESSION_COOKIE, SessionStore } from '../session/session-store';
import { OidcLogin } from './oidc-login';

const LOGIN_COOKIE = 'tradeflow_console_login';

@Controller()
export class AuthController {
  constructor(
    private readonly login: OidcLogin,
    private readonly sessions: SessionStore,
    @Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings,
  ) {}

  @Get('auth/login')
  @Open('starts the login: sends the browser to the OpenID provider')
  async begin(@Res() response: Response): Promise<void> {
    const { url, login } = await this.login.begin();
    response.cookie(LOGIN_COOKIE, this.sessions.startLogin(login), { ...this.cookieOptions(), path: '/auth', maxAge: 10 * 60_000 });
    response.redirect(url.href);
  }

  @Get('auth/callback')
  @Open('the OpenID provider sends the browser back here with the code; state, PKCE and nonce are checked')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = this.sessions.takeLogin(cookieValue(request.header('cookie'), LOGIN_COOKIE));
    response.clearCookie(LOGIN_COOKIE, { ...this.cookieOptions(), path: '/auth' });
    if (!pending) {
      response.redirect('/auth/login');
      return;
    }
    const callbackUrl = new URL(request.originalUrl, this.settings.CONSOLE_BASE_URL);
    const session = await this.login.finish(callbackUrl, { ...pending });
    response.cookie(SESSION_COOKIE, this.sessions.open(session), { ...this.cookieOptions(), path: '/', expires: new Date(session.expiresAtMs) });
    response.redirect('/');
  }

  @Post('auth/logout')
  @Open('ends the session, if any; nothing else changes')
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const cookie = cookieValue(request.header('cookie'), SESSION_COOKIE);
    const idToken = this.sessions.find(cookie)?.idToken;
    this.sessions.close(cookie);
    response.clearCookie(SESSION_COOKIE, { ...this.cookieOptions(), path: '/' });
    response.json({ logoutUrl: await this.login.logoutUrl(idToken) });
  }

  @Get('api/me')
  @Allow([...STAFF])
  me(@CurrentSession() session: Session) {
    return { ...session.person, csrfToken: session.csrfToken };
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.settings.NODE_ENV !== 'development' };
  }
}

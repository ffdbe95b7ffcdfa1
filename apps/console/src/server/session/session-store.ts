import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CONSOLE_SETTINGS } from '../console-settings.provider';
import type { ConsoleSettings } from '../console-settings';

export const SESSION_COOKIE = 'tradeflow_console';
/** A login not finished within this long is forgotten. */
const LOGIN_TTL_MS = 10 * 60_000;

export interface Person {
  subject: string;
  name: string;
  roles: string[];
}

export interface Session {
  person: Person;
  accessToken: string;
  idToken?: string;
  /** Sent back by the UI in x-csrf-token on every state-changing call. */
  csrfToken: string;
  expiresAtMs: number;
}

export interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
  expiresAtMs: number;
}

/**
 * Sessions live on the server; the browser holds only a random id, signed with
 * CONSOLE_SESSION_SECRET so a forged or guessed cookie is refused before any lookup. Kept in memory:
 * the console runs as one replica, and a restart asks people to log in again.
 */
@Injectable()
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly logins = new Map<string, PendingLogin>();

  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {}

  /** A new signed cookie value for `session`. */
  open(session: Session): string {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, session);
    return this.sign(id);
  }

  find(cookie: string | undefined): Session | undefined {
    const id = this.verify(cookie);
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAtMs <= Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(cookie: string | undefined): void {
    const id = this.verify(cookie);
    if (id) this.sessions.delete(id);
  }

  /** A login in progress (PKCE verifier, state, nonce), under a signed cookie of its own. */
  startLogin(login: Omit<PendingLogin, 'expiresAtMs'>): string {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    this.logins.set(id, { ...login, expiresAtMs: Date.now() + LOGIN_TTL_MS });
    return this.sign(id);
  }

  /** The login once: a callback cannot be replayed. */
  takeLogin(cookie: string | undefined): PendingLogin | undefined {
    const id = this.verify(cookie);
    const login = id ? this.logins.get(id) : undefined;
    if (id) this.logins.delete(id);
    return login && login.expiresAtMs > Date.now() ? login : undefined;
  }

  private sign(id: string): string {
    return `${id}.${this.mac(id)}`;
  }

  private verify(cookie: string | undefined): string | undefined {
    const [id, mac] = (cookie ?? '').split('.');
    if (!id || !mac) return undefined;
    const expected = Buffer.from(this.mac(id));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }

  private mac(id: string): string {
    return createHmac('sha256', this.settings.CONSOLE_SESSION_SECRET.reveal()).update(id).digest('base64url');
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAtMs <= now) this.sessions.delete(id);
    for (const [id, login] of this.logins) if (login.expiresAtMs <= now) this.logins.delete(id);
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

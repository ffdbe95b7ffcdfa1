/** The signed-in person as the BFF knows them (GET /api/me). */
export interface Me {
  subject: string;
  name: string;
  roles: string[];
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function rememberCsrfToken(token: string): void {
  csrfToken = token;
}

/** Calls the BFF; a lost session sends the browser to the login. */
export async function api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
  }
  const response = await fetch(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), credentials: 'same-origin' });
  if (response.status === 401 && path === '/api/me') throw new ApiError(401, 'not logged in');
  if (response.status === 401) {
    window.location.assign('/auth/login');
    throw new ApiError(401, 'not logged in');
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? `${response.status} ${response.statusText}`);
    throw new ApiError(response.status, String(message));
  }
  return body as T;
}

/** What each role may do, as the services decide it (docs/design.md#security); hiding a button is a courtesy, the services refuse anyway. */
export const MAY = {
  approve: ['credit'],
  retryLabel: ['ops', 'warehouse'],
  replay: ['ops'],
  dismiss: ['ops'],
  readOperations: ['ops', 'auditor'],
  readCustomers: ['credit', 'finance', 'ops', 'auditor'],
  readRevenue: ['credit', 'finance', 'ops', 'auditor'],
} as const;

export function may(me: Me, what: keyof typeof MAY): boolean {
  return (MAY[what] as readonly string[]).some((role) => me.roles.includes(role));
}

export function money(minor: number | undefined, currency = 'EUR'): string {
  if (minor === undefined || minor === null) return '—';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

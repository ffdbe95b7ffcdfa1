/** A service could not be read: down, refused the token, or answered what reconcile does not understand. */
export class ServiceReadError extends Error {
  constructor(
    readonly service: string,
    message: string,
  ) {
    super(`${service}: ${message}`);
    this.name = 'ServiceReadError';
  }
}

export interface ServiceClientOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** GETs JSON from one service; anything but the expected answer is a ServiceReadError naming the service and URL. */
export class ServiceClient {
  constructor(
    readonly service: string,
    readonly baseUrl: string,
    private readonly options: ServiceClientOptions = {},
  ) {}

  /** The parsed body, or undefined for a 404 when `missingIsEmpty` (e.g. an order inventory has not seen). */
  async get<T>(path: string, missingIsEmpty = false): Promise<T | undefined> {
    // Appended, not resolved: a base URL may carry a path (a gateway prefix).
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json', ...this.options.headers }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new ServiceReadError(this.service, `unreachable at ${url} (${cause}); is it running? (npm run status)`);
    }
    const text = await response.text();
    if (response.status === 404 && missingIsEmpty) return undefined;
    if (response.status === 401 || response.status === 403) {
      throw new ServiceReadError(this.service, `refused the token at ${url} (${response.status}: ${messageOf(text)}); give one with the role auditor (--token)`);
    }
    if (!response.ok) throw new ServiceReadError(this.service, `GET ${url} answered ${response.status}: ${messageOf(text)}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ServiceReadError(this.service, `GET ${url} answered something that is not JSON: ${text.slice(0, 200)}`);
    }
  }

  async require<T>(path: string): Promise<T> {
    return (await this.get<T>(path)) as T;
  }

  /** Follows a `{items, next…}` listing to its end. */
  async pages<T>(path: string, cursor: { param: string; field: string }, limit = 100): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    for (;;) {
      const query: URLSearchParams = new URLSearchParams({ limit: String(limit), ...(after === null ? {} : { [cursor.param]: after }) });
      const page: Record<string, unknown> = await this.require<Record<string, unknown>>(`${path}?${query}`);
      if (!Array.isArray(page.items) || !(cursor.field in page)) {
        throw new ServiceReadError(this.service, `GET ${path} is not a listing ({items, ${cursor.field}}); is the service up to date?`);
      }
      items.push(...(page.items as T[]));
      const next: unknown = page[cursor.field];
      if (next === null || next === undefined || next === after) return items;
      after = String(next);
    }
  }
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (body.message !== undefined) return Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
  } catch {
    // not JSON: show the text
  }
  return text.slice(0, 200) || '(empty)';
}

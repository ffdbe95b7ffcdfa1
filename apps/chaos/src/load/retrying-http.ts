import { setTimeout as sleep } from 'node:timers/promises';
import type { HeaderSource } from './credentials';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the load reads whatever JSON the APIs answer
  body: any;
}

const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Requests in flight per service. A client with no limit answers a slow service with ever more
 * connections (and, after timeouts, retries): a storm that keeps it slow. Shops and warehouses
 * have bounded connection pools too.
 */
const IN_FLIGHT_PER_SERVICE = 24;
/** Long enough to outlast any fault the scheduler injects, short enough to end a stuck run. */
const GIVE_UP_AFTER_MS = 10 * 60_000;

/**
 * HTTP as a careful client does it during faults: a request that fails outright (connection
 * refused or reset, timeout) or answers 5xx is sent again — with the same body and headers, so the
 * same Idempotency-Key, paymentRef or receiptId — until it gets a real answer. Writes sent again
 * are what idempotency is for; they are counted.
 */
export class RetryingHttp {
  /** Writes sent more than once, counted once per write. */
  retriedWrites = 0;
  /** Extra attempts of writes, and of reads. */
  writeAttempts = 0;
  readRetries = 0;
  /** Why attempts failed, e.g. "503" or "ECONNREFUSED", with counts. */
  readonly failures = new Map<string, number>();

  private readonly slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly stopped: () => boolean = () => false) {}

  get(url: string, headers?: HeaderSource): Promise<Answer> {
    return this.send('GET', url, undefined, headers);
  }

  /** `headers` are worked out for each attempt (credentials.ts); the body is the same every time. */
  async send(method: string, url: string, body?: unknown, headers: HeaderSource = () => Promise.resolve({})): Promise<Answer> {
    const write = method !== 'GET';
    const deadline = Date.now() + GIVE_UP_AFTER_MS;
    for (let attempt = 0; ; attempt++) {
      if (attempt === 1 && write) this.retriedWrites++;
      if (attempt > 0) {
        if (write) this.writeAttempts++;
        else this.readRetries++;
      }
      // Not `instanceof Error`: under jest, fetch's errors come from another realm.
      const failure = await this.limited(url, async () => attemptOnce(method, url, body, await headers())).catch((error: Error) => ({ error }));
      if ('status' in failure && failure.status < 500) return failure;
      const reason = 'error' in failure ? causeOf(failure.error) : String(failure.status);
      this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
      if (Date.now() > deadline || this.stopped()) {
        throw new Error(`${method} ${url} still failing (${reason}) after ${attempt + 1} attempts`);
      }
      await sleep(Math.min(3000, 200 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
    }
  }

  private async limited<T>(url: string, work: () => Promise<T>): Promise<T> {
    const origin = new URL(url).origin;
    const slot = this.slots.get(origin) ?? { active: 0, waiting: [] };
    this.slots.set(origin, slot);
    if (slot.active >= IN_FLIGHT_PER_SERVICE) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    else slot.active++;
    try {
      return await work();
    } finally {
      // Handed straight to the next in line, or freed.
      const next = slot.waiting.shift();
      if (next) next();
      else slot.active--;
    }
  }
}

async function attemptOnce(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a proxy's or server's error page): keep the text
  }
  return { status: response.status, body: parsed };
}

function causeOf(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  return cause?.code ?? error.name ?? String(error);
}

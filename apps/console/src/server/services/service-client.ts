import { HttpException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CONSOLE_SETTINGS } from '../console-settings.provider';
import type { ConsoleSettings } from '../console-settings';

export const SERVICES = ['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ServiceAnswer<T> {
  status: number;
  body: T;
}

/**
 * Calls the services with the signed-in person's access token, so each service applies its own role
 * rules: the console can show no more and do no more than the person could with curl.
 */
@Injectable()
export class ServiceClient {
  private readonly urls: Record<ServiceName, string>;

  constructor(@Inject(CONSOLE_SETTINGS) settings: ConsoleSettings) {
    this.urls = {
      order: settings.CONSOLE_ORDER_URL,
      inventory: settings.CONSOLE_INVENTORY_URL,
      invoicing: settings.CONSOLE_INVOICING_URL,
      shipping: settings.CONSOLE_SHIPPING_URL,
      'crm-sync': settings.CONSOLE_CRM_SYNC_URL,
    };
  }

  url(service: ServiceName): string {
    return this.urls[service].replace(/\/+$/, '');
  }

  /** The service's answer whatever its status; 503 when it cannot be reached. */
  async call<T>(token: string, service: ServiceName, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ServiceAnswer<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      // The services' writes are idempotent by key; each click of a person is one attempt.
      headers['idempotency-key'] = randomUUID();
    }
    let response: Response;
    try {
      response = await fetch(`${this.url(service)}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ServiceUnavailableException(`${service} cannot be reached: ${(error as Error).message}`);
    }
    const text = await response.text();
    return { status: response.status, body: (text ? parseJson(text) : undefined) as T };
  }

  /** The body of a 2xx answer; any other answer is passed on to the browser with the service's message. */
  async get<T>(token: string, service: ServiceName, path: string): Promise<T> {
    return ok(service, await this.call<T>(token, service, 'GET', path));
  }

  async post<T>(token: string, service: ServiceName, path: string, body: unknown): Promise<T> {
    return ok(service, await this.call<T>(token, service, 'POST', path, body));
  }
}

export function ok<T>(service: ServiceName, answer: ServiceAnswer<T>): T {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const message = (answer.body as { message?: unknown } | undefined)?.message;
  throw new HttpException({ statusCode: answer.status, service, message: message ?? `${service} answered ${answer.status}` }, answer.status);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}

/** `?a=1&b=2` of the given values, leaving out empty ones. */
export function query(values: Record<string, string | number | undefined>): string {
  const entries = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString()}` : '';
}

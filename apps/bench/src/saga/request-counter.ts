import { devAuthorization } from '@tradeflow/testing';

/**
 * HTTP requests the bench makes as shop, warehouse and payment provider (counted, for the requests
 * per order). Staff routes get a bearer token of the development client acting.
 */
export class RequestCounter {
  count = 0;

  constructor(private readonly issuerUrl: string) {}

  fetch(url: string, init: RequestInit): Promise<Response> {
    this.count++;
    return fetch(url, init);
  }

  /** As a development client ('warehouse', 'finance'): its token is fetched once and cached by libs/testing. */
  async fetchAs(client: 'warehouse' | 'finance', url: string, init: RequestInit): Promise<Response> {
    const authorization = await devAuthorization(client, this.issuerUrl);
    return this.fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...authorization } });
  }
}

/** HTTP requests the bench made as shop, warehouse and payment provider, for the requests per order. */
export class RequestCounter {
  count = 0;

  fetch(url: string, init: RequestInit): Promise<Response> {
    this.count++;
    return fetch(url, init);
  }
}

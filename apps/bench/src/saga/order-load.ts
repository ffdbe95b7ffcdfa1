import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SagaOrder } from './load-profiles';
import type { RequestCounter } from './request-counter';
import { BENCH_API_KEY } from './saga-stack';

export interface PlacedOrder {
  id: string;
  /** Shipments, so invoices, it will have. */
  shipments: number;
  /** performance.now() when the POST went out and when its 201 came back. */
  postedAt: number;
  createdAt: number;
}

export interface LoadStep {
  rate: number;
  placed: PlacedOrder[];
  /** Answers other than 201, and requests that failed outright. */
  refused: string[];
  /** The rate the generator achieved sending (below `rate` only if the bench process itself fell behind). */
  sentRate: number;
}

const address = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

/**
 * Open-model load: orders are posted on a fixed schedule, never waiting for earlier answers, so a
 * slow system faces a growing queue as real shop traffic would make it (no coordinated omission).
 */
export class OrderLoad {
  constructor(
    private readonly orderUrl: string,
    private readonly nextOrder: () => SagaOrder,
    private readonly requests: RequestCounter,
  ) {}

  async run(rate: number, seconds: number): Promise<LoadStep> {
    const total = Math.max(1, Math.round(rate * seconds));
    const step: LoadStep = { rate, placed: [], refused: [], sentRate: Number.NaN };
    const requests: Promise<void>[] = [];
    const start = performance.now();
    while (requests.length < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (requests.length < due) requests.push(this.place(step));
      await sleep(2);
    }
    step.sentRate = total / Math.max((performance.now() - start) / 1000, 1 / rate);
    await Promise.all(requests);
    return step;
  }

  private async place(step: LoadStep): Promise<void> {
    const { customerId, lines, shipments } = this.nextOrder();
    const postedAt = performance.now();
    try {
      const response = await this.requests.fetch(`${this.orderUrl}/v1/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ customerId, currency: 'EUR', shippingAddress: address, allowPartialShipment: false, lines }),
      });
      const body = await response.text();
      if (response.status === 201) step.placed.push({ id: (JSON.parse(body) as { id: string }).id, shipments, postedAt, createdAt: performance.now() });
      else step.refused.push(`order refused: ${response.status} ${body.slice(0, 200)}`);
    } catch (error) {
      step.refused.push(`order failed: ${(error as Error).message}`);
    }
  }
}

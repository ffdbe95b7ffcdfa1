import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_CUSTOMER } from './crm-customer';
import { BENCH_API_KEY } from './saga-stack';

export const BENCH_SKUS = ['BENCH-MUG', 'BENCH-TEA', 'BENCH-POT', 'BENCH-KETTLE'];

export interface PlacedOrder {
  id: string;
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
  constructor(private readonly orderUrl: string) {}

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
    const postedAt = performance.now();
    try {
      const response = await fetch(`${this.orderUrl}/v1/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY, 'idempotency-key': randomUUID() },
        body: JSON.stringify(orderBody()),
      });
      const body = await response.text();
      if (response.status === 201) step.placed.push({ id: (JSON.parse(body) as { id: string }).id, postedAt, createdAt: performance.now() });
      else step.refused.push(`order refused: ${response.status} ${body.slice(0, 200)}`);
    } catch (error) {
      step.refused.push(`order failed: ${(error as Error).message}`);
    }
  }
}

/** One to three distinct skus, one to three of each: every order fits in one warehouse, so one shipment and one invoice. */
function orderBody() {
  const skus = [...BENCH_SKUS].sort(() => Math.random() - 0.5).slice(0, 1 + Math.floor(Math.random() * 3));
  return {
    customerId: BENCH_CUSTOMER,
    currency: 'EUR',
    shippingAddress: address,
    allowPartialShipment: false,
    lines: skus.map((sku) => ({ sku, quantity: 1 + Math.floor(Math.random() * 3), unitPriceMinor: 1299, taxRateBp: 1900 })),
  };
}

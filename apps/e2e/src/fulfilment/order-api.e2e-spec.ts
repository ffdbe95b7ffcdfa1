import { randomUUID } from 'node:crypto';
import type { Slice } from '../slice';
import { TradeflowClient } from './tradeflow-client';
import { API_KEY, call, startSlice } from '../slice';

const body = {
  customerId: 'CUST-2',
  currency: 'EUR',
  shippingAddress: { name: 'Grace Hopper', line1: '1 Harbor Way', city: 'Arlington', postalCode: '22201', countryCode: 'US' },
  lines: [{ sku: 'MUG-API', quantity: 1, unitPriceMinor: 500, taxRateBp: 700 }],
};

describe('order API edge', () => {
  let slice: Slice;
  let orders: string;

  beforeAll(async () => {
    slice = await startSlice();
    const tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-2');
    await tradeflow.loadProducts('MUG-API');
    orders = `${slice.order.url}/v1/orders`;
  });
  afterAll(() => slice?.stop());

  const post = (payload: unknown, headers: Record<string, string>) => call('POST', orders, payload, headers);

  it('answers a retry with the same Idempotency-Key and body with the first answer, once', async () => {
    const key = randomUUID();
    const first = await post(body, { 'x-api-key': API_KEY, 'idempotency-key': key });
    const retry = await post(body, { 'x-api-key': API_KEY, 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('refuses the same Idempotency-Key with another body (409)', async () => {
    const key = randomUUID();
    await post(body, { 'x-api-key': API_KEY, 'idempotency-key': key });
    const other = await post({ ...body, currency: 'USD' }, { 'x-api-key': API_KEY, 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain('different body');
  });

  it('refuses a write without Idempotency-Key (400)', async () => {
    const response = await post(body, { 'x-api-key': API_KEY });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Idempotency-Key');
  });

  it('answers an invalid body with 400 naming the field', async () => {
    const bad = { ...body, lines: [{ ...body.lines[0], quantity: 0 }] };
    const response = await post(bad, { 'x-api-key': API_KEY, 'idempotency-key': randomUUID() });
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining('lines.0.quantity')]));
  });

  it('needs an API key (401) with the right scope', async () => {
    expect((await post(body, { 'idempotency-key': randomUUID() })).status).toBe(401);
    expect((await post(body, { 'x-api-key': 'tf_unknown_key_000000', 'idempotency-key': randomUUID() })).status).toBe(401);
  });

  it('answers 404 for an unknown order and 400 for a malformed id', async () => {
    expect((await call('GET', `${orders}/${randomUUID()}`, undefined, { 'x-api-key': API_KEY })).status).toBe(404);
    expect((await call('GET', `${orders}/not-a-uuid`, undefined, { 'x-api-key': API_KEY })).status).toBe(400);
  });
});

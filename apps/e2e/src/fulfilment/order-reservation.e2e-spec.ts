import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Slice } from '../slice';
import { callAs, TradeflowClient } from './tradeflow-client';
import { API_KEY, call, startSlice } from '../slice';

const address = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

function orderFor(lines: { sku: string; quantity: number }[]) {
  return {
    customerId: 'CUST-1',
    currency: 'EUR',
    shippingAddress: address,
    lines: lines.map((line) => ({ ...line, unitPriceMinor: 1299, taxRateBp: 1900 })),
  };
}

describe('order → inventory → order', () => {
  let slice: Slice;
  const [mug, tea, pot] = ['MUG', 'TEA', 'POT'].map((name) => `${name}-${randomUUID().slice(0, 8)}`);

  beforeAll(async () => {
    slice = await startSlice();
    const tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(mug, tea, pot);
  });
  afterAll(() => slice?.stop());

  const receive = (warehouse: string, lines: { sku: string; quantity: number }[], receiptId = randomUUID()) =>
    callAs('warehouse', 'POST', `${slice.inventory.url}/v1/stock/receipts`, { receiptId, warehouse, lines });
  const place = (body: unknown, key = randomUUID()) =>
    call('POST', `${slice.order.url}/v1/orders`, body, { 'x-api-key': API_KEY, 'idempotency-key': key });
  const getOrder = (id: string) => call('GET', `${slice.order.url}/v1/orders/${id}`, undefined, { 'x-api-key': API_KEY });
  const waitForStatus = (id: string, status: string) =>
    eventually(
      () => getOrder(id),
      (response) => response.body?.status === status,
    );

  it('reserves an order from stock and shows RESERVED with its timeline', async () => {
    expect((await receive('BER', [{ sku: mug, quantity: 10 }])).status).toBe(201);

    const placed = await place(orderFor([{ sku: mug, quantity: 3 }]));
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe('APPROVED');

    const reserved = await waitForStatus(placed.body.id, 'RESERVED');
    expect(reserved.body.lines[0]).toMatchObject({ sku: mug, ordered: 3, reserved: 3, backordered: 0 });
    expect(reserved.body.timeline.map((entry: { event: string }) => entry.event)).toEqual([
      'OrderPlaced',
      'OrderApproved',
      'StockReserved',
    ]);
    // A sales channel's OAuth client may read availability.
    const stock = await callAs('shop', 'GET', `${slice.inventory.url}/v1/stock/${mug}`);
    expect(stock.body).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
  });

  it('backorders what is missing and reserves it from a later receipt, oldest order first', async () => {
    await receive('BER', [{ sku: tea, quantity: 2 }]);
    const first = await place(orderFor([{ sku: tea, quantity: 5 }]));
    const partly = await waitForStatus(first.body.id, 'PARTIALLY_RESERVED');
    expect(partly.body.lines[0]).toMatchObject({ reserved: 2, backordered: 3 });
    const second = await place(orderFor([{ sku: tea, quantity: 4 }]));
    await waitForStatus(second.body.id, 'BACKORDERED');

    const receipt = await receive('HAM', [{ sku: tea, quantity: 5 }]);
    expect(receipt.body.filledBackorders).toEqual([
      { orderId: first.body.id, lineNo: 1, sku: tea, quantity: 3 },
      { orderId: second.body.id, lineNo: 1, sku: tea, quantity: 2 },
    ]);
    await waitForStatus(first.body.id, 'RESERVED');
    const waiting = await waitForStatus(second.body.id, 'PARTIALLY_RESERVED');
    expect(waiting.body.lines[0]).toMatchObject({ ordered: 4, reserved: 2, backordered: 2 });

    const stock = await callAs('warehouse', 'GET', `${slice.inventory.url}/v1/stock/${tea}`);
    expect(stock.body).toMatchObject({ onHand: 7, reserved: 7, available: 0 });
  });

  it('splits an order across warehouses when no single one can fill it', async () => {
    await receive('BER', [{ sku: pot, quantity: 2 }]);
    await receive('HAM', [{ sku: pot, quantity: 2 }]);
    const placed = await place(orderFor([{ sku: pot, quantity: 4 }]));
    const reserved = await waitForStatus(placed.body.id, 'RESERVED');
    expect(reserved.body.timeline[2].detail).toMatch(new RegExp(`2×${pot}@BER, 2×${pot}@HAM|2×${pot}@HAM, 2×${pot}@BER`));
  });
});

import { eventually, productOf } from '@tradeflow/testing';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice } from '../slice';
import { startSlice } from '../slice';

/** A POST a channel's endpoint received: the body exactly as sent (the signature covers it) and the headers. */
interface Delivery {
  raw: string;
  headers: IncomingHttpHeaders;
}

/** A sales channel's webhook endpoint on 127.0.0.1: it keeps every delivery and answers 204. */
async function startChannelEndpoint(): Promise<{ url: string; deliveries: Delivery[]; server: Server }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tradeflow/products`, deliveries, server };
}

/** Issue 25 across the real services: the product master in inventory decides what may be ordered, received and sold. */
describe('product master', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const mug = `MUG-${randomUUID().slice(0, 8)}`;
  const lamp = `LAMP-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    slice = await startSlice();
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(mug, lamp);
  });
  afterAll(() => slice?.stop());

  const putProducts = (products: unknown[]) => callAs('erp', 'PUT', `${slice.inventory.url}/v1/products`, { products });
  const orderServiceProduct = async (sku: string) => (await callAs('auditor', 'GET', `${slice.order.url}/v1/products/${sku}`)).body;

  it('refuses an order with a line for a sku not in the product master: 422 naming the line', async () => {
    const refused = await tradeflow.submitOrder([
      { sku: mug, quantity: 1 },
      { sku: 'NO-SUCH-SKU', quantity: 1 },
    ]);
    expect(refused).toEqual({
      status: 422,
      body: expect.objectContaining({
        statusCode: 422,
        message: 'line 2: sku NO-SUCH-SKU is not in the product catalogue',
        lines: [{ lineNo: 2, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' }],
      }),
    });
  });

  it('puts an order waiting BACKORDERED for a product that is discontinued on the stuck list, and refuses new orders for it', async () => {
    const orderId = await tradeflow.placeOrder([{ sku: lamp, quantity: 2 }]);
    await tradeflow.waitForOrder(orderId, 'BACKORDERED');

    const discontinued = await putProducts([productOf(lamp, { version: 2, status: 'DISCONTINUED', reason: 'supplier stopped making it' })]);
    expect(discontinued.status).toBe(200);
    expect(discontinued.body).toMatchObject({ applied: [{ sku: lamp, version: 2 }], rejected: [] });
    await eventually(
      () => orderServiceProduct(lamp),
      (product) => product?.status === 'DISCONTINUED' && product.version === 2,
    );

    const stuck = await eventually(
      async () => (await callAs('ops', 'GET', `${slice.order.url}/v1/orders/stuck?limit=500`)).body.items as any[],
      (items) => items.some((item) => item.orderId === orderId && item.reason === 'PRODUCT_DISCONTINUED'),
    );
    expect(stuck.find((item) => item.orderId === orderId && item.reason === 'PRODUCT_DISCONTINUED').detail).toContain(lamp);

    expect(await tradeflow.submitOrder([{ sku: lamp, quantity: 1 }])).toEqual({
      status: 422,
      body: expect.objectContaining({ lines: [{ lineNo: 1, sku: lamp, reason: 'DISCONTINUED' }] }),
    });
  });

  it("sends a subscribed channel each product change, signed by the Standard Webhooks scheme with the subscription's secret", async () => {
    const endpoint = await startChannelEndpoint();
    try {
      const subscribed = await callAs('ops', 'POST', `${slice.inventory.url}/v1/webhook-subscriptions`, { channel: 'e2e-shop', url: endpoint.url, feeds: ['products'] });
      expect(subscribed.status).toBe(201);
      const { secret } = subscribed.body;
      expect(secret).toMatch(/^whsec_/);
      expect((await callAs('ops', 'GET', `${slice.inventory.url}/v1/webhook-subscriptions`)).body).not.toContain(secret);

      const vase = `VASE-${randomUUID().slice(0, 8)}`;
      const deliveryOf = (type: string) => () =>
        Promise.resolve(endpoint.deliveries.find((delivery) => delivery.raw.includes(`"${type}"`) && delivery.raw.includes(vase)));
      expect((await putProducts([productOf(vase, { name: 'Glass vase' })])).body.applied).toEqual([{ sku: vase, version: 1 }]);
      const upserted = await eventually(deliveryOf('product.upserted'), (delivery) => delivery !== undefined);
      const headers = upserted!.headers as Record<string, string>;
      expect(new Webhook(secret).verify(upserted!.raw, headers)).toMatchObject({
        type: 'product.upserted',
        feed: 'products',
        key: vase,
        data: { sku: vase, version: 1, name: 'Glass vase', status: 'ACTIVE' },
      });
      expect(() => new Webhook(`whsec_${Buffer.from('not the secret of this subscription').toString('base64')}`).verify(upserted!.raw, headers)).toThrow();
      expect(() => new Webhook(secret).verify(upserted!.raw.replace('Glass vase', 'Brass vase'), headers)).toThrow();

      await putProducts([productOf(vase, { version: 2, name: 'Glass vase', status: 'BLOCKED', reason: 'recall: cracks in the glaze' })]);
      const blocked = await eventually(deliveryOf('product.discontinued'), (delivery) => delivery !== undefined);
      expect(new Webhook(secret).verify(blocked!.raw, blocked!.headers as Record<string, string>)).toMatchObject({
        type: 'product.discontinued',
        key: vase,
        data: { sku: vase, version: 2, status: 'BLOCKED', reason: 'recall: cracks in the glaze' },
      });
    } finally {
      endpoint.server.close();
    }
  });

  it('refuses a stock receipt with a line for a sku not in the product master: 422 naming the line and sku', async () => {
    const refused = await tradeflow.receiveStock('BER', [
      { sku: mug, quantity: 1 },
      { sku: 'NO-SUCH-SKU', quantity: 1 },
    ]);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('line 2: sku NO-SUCH-SKU');
  });
});

import type { EventPayload } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { InventoryUnderTest } from '../testing/inventory-under-test';

interface Received {
  body: string;
  headers: Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;
  key: string;
  version: number;
  answered: number;
}

/** A sales channel's endpoint: answers 500 for a key while its failures last, 200 otherwise. */
class FakeChannel {
  readonly received: Received[] = [];
  readonly failuresLeft = new Map<string, number>();
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const { key, data } = JSON.parse(body) as { key: string; data: { version: number } };
      const left = this.failuresLeft.get(key) ?? 0;
      this.failuresLeft.set(key, left - 1);
      const answered = left > 0 ? 500 : 200;
      this.received.push({ body, headers: webhookHeaders(request.headers), key, version: data.version, answered });
      response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 500 ? 'shop is down' : 'ok');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/tradeflow/webhooks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  of(key: string): Received[] {
    return this.received.filter((call) => call.key === key);
  }
}

function webhookHeaders(headers: IncomingHttpHeaders): Received['headers'] {
  return {
    'webhook-id': String(headers['webhook-id']),
    'webhook-timestamp': String(headers['webhook-timestamp']),
    'webhook-signature': String(headers['webhook-signature']),
  };
}

function product(sku: string, version: number): EventPayload<'ProductUpserted'> {
  return {
    sku,
    version,
    name: `Product ${sku} v${version}`,
    description: null,
    status: 'ACTIVE',
    unitOfMeasure: 'C62',
    weightGrams: 350,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    taxClass: 'STANDARD',
    gtins: [],
    excludedWarehouses: [],
    updatedAt: 1796684033290 + version,
  };
}

interface Delivery {
  id: string;
  messageId: string;
  key: string;
  version: number;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

describe('inventory channel webhooks (real Kafka, registry, Postgres, local HTTP receivers)', () => {
  const shop = new FakeChannel();
  let inventory: InventoryUnderTest;
  let subscription: { id: string; secret: string };

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start({
      CHANNEL_WEBHOOK_MAX_ATTEMPTS: '20',
      CHANNEL_WEBHOOK_RETRY_BASE_MS: '50',
      CHANNEL_WEBHOOK_RETRY_MAX_MS: '250',
      CHANNEL_WEBHOOK_POLL_INTERVAL_MS: '50',
    });
    const created = await inventory.call('/v1/webhook-subscriptions', 'ops', {
      method: 'POST',
      body: { channel: 'webshop', url: await shop.start(), feeds: ['products'] },
    });
    expect(created.status).toBe(201);
    subscription = created.body;
  });
  afterAll(async () => {
    await inventory?.stop();
    await shop.stop();
  });

  /** Publishes product events onto tradeflow.products.v1 as inventory's product master does, keyed by sku. */
  const upsert = (sku: string, ...versions: number[]) =>
    inventory.kafka.publish(
      versions.map((version) =>
        createEvent('ProductUpserted', product(sku, version), { producer: 'inventory', aggregateId: sku, aggregateVersion: version, correlationId: sku }),
      ),
      () => sku,
    );
  const deliveriesOf = async (subscriptionId: string, sku: string): Promise<Delivery[]> => {
    const response = await inventory.call(`/v1/webhook-subscriptions/${subscriptionId}/deliveries`, 'auditor');
    return (response.body as Delivery[]).filter((delivery) => delivery.key === sku);
  };
  const verify = (secret: string, call: Received) => new Webhook(secret).verify(call.body, call.headers);

  it('subscribes a channel, showing the Standard Webhooks secret only in the answer; ops only, audited', async () => {
    expect(subscription).toEqual({
      id: expect.any(String),
      channel: 'webshop',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/tradeflow\/webhooks$/),
      feeds: ['products'],
      createdAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    const listed = await inventory.call('/v1/webhook-subscriptions', 'auditor');
    expect(listed.body).toEqual([{ id: subscription.id, channel: 'webshop', url: expect.any(String), feeds: ['products'], createdAt: expect.any(String) }]);

    const post = (body: unknown, as: 'ops' | 'auditor' = 'ops') => inventory.call('/v1/webhook-subscriptions', as, { method: 'POST', body });
    expect((await post({ channel: 'webshop', url: 'https://shop.example/hooks', feeds: ['products'] }, 'auditor')).status).toBe(403);
    const relative = await post({ channel: 'webshop', url: '/hooks', feeds: ['products'] });
    expect(relative.status).toBe(422);
    expect(relative.body.errors).toEqual([{ field: 'url', message: 'must be an absolute http or https URL' }]);
    const unknownFeed = await post({ channel: 'webshop', url: 'ftp://shop.example/hooks', feeds: ['stock'] });
    expect(unknownFeed.status).toBe(422);
    expect(unknownFeed.body.message).toBe('url: must be an absolute http or https URL; feeds: stock is not a feed (known: products, availability)');
    expect((await post({ channel: 'webshop', url: 'https://shop.example/hooks' })).status).toBe(400);

    const audit = await inventory.call('/v1/audit?action=create-webhook-subscription', 'auditor');
    expect(audit.body.records).toEqual([expect.objectContaining({ actorClient: 'ops', route: 'POST /v1/webhook-subscriptions' })]);
  });

  it('delivers a product change to the subscribed channel, signed so that its secret verifies it', async () => {
    await upsert('WH-MUG', 1);
    const delivered = await eventually(() => deliveriesOf(subscription.id, 'WH-MUG'), (rows) => rows[0]?.status === 'DELIVERED');
    expect(delivered).toEqual([expect.objectContaining({ version: 1, type: 'product.upserted', attempts: 1, lastError: null })]);

    const [call] = shop.of('WH-MUG');
    expect(call.headers['webhook-id']).toBe(delivered[0].messageId);
    expect(verify(subscription.secret, call)).toEqual({ type: 'product.upserted', feed: 'products', key: 'WH-MUG', data: product('WH-MUG', 1) });
    expect(shop.of('WH-MUG')).toHaveLength(1);
  });

  it('refuses a delivery verified with another secret, or with its body changed', () => {
    const [call] = shop.of('WH-MUG');
    expect(() => verify(`whsec_${randomBytes(32).toString('base64')}`, call)).toThrow('No matching signature found');
    expect(() => verify(subscription.secret, { ...call, body: call.body.replace('"version":1', '"version":9') })).toThrow('No matching signature found');
  });

  it('sends only the latest record of a burst of changes to one sku made while the channel was failing', async () => {
    shop.failuresLeft.set('WH-CUP', 1000);
    await upsert('WH-CUP', 1);
    await eventually(() => Promise.resolve(shop.of('WH-CUP')), (calls) => calls.length > 0);
    await upsert('WH-CUP', 2, 3);
    // The pending delivery now carries version 3 (the 2 it replaced never became a delivery of its own).
    await eventually(() => deliveriesOf(subscription.id, 'WH-CUP'), (rows) => rows.length === 1 && rows[0].version === 3);
    await eventually(() => Promise.resolve(shop.of('WH-CUP')), (calls) => calls.some((call) => call.version === 3));

    shop.failuresLeft.set('WH-CUP', 0);
    const delivered = await eventually(() => deliveriesOf(subscription.id, 'WH-CUP'), (rows) => rows[0]?.status === 'DELIVERED');
    expect(delivered).toEqual([expect.objectContaining({ version: 3, status: 'DELIVERED', lastError: 'HTTP 500: shop is down' })]);
    const accepted = shop.of('WH-CUP').filter((call) => call.answered === 200);
    expect(accepted.map((call) => call.version)).toEqual([3]);
    expect(verify(subscription.secret, accepted[0])).toMatchObject({ key: 'WH-CUP', data: { version: 3, name: 'Product WH-CUP v3' } });
    // Each record has its own webhook-id, kept across its retries.
    const ids = new Map(shop.of('WH-CUP').map((call) => [call.version, call.headers['webhook-id']]));
    expect(new Set(ids.values()).size).toBe(ids.size);
    expect(ids.get(3)).toBe(delivered[0].messageId);
  });

  it('retries a channel answering 500 with backoff, and after the last attempt shows the delivery FAILED with the error', async () => {
    shop.failuresLeft.set('WH-TEA', 2);
    shop.failuresLeft.set('WH-JUG', 1000);
    await upsert('WH-TEA', 5);
    await upsert('WH-JUG', 1);

    const tea = await eventually(() => deliveriesOf(subscription.id, 'WH-TEA'), (rows) => rows[0]?.status === 'DELIVERED');
    expect(tea).toEqual([expect.objectContaining({ version: 5, attempts: 3, lastError: 'HTTP 500: shop is down' })]);
    expect(shop.of('WH-TEA').map((call) => call.answered)).toEqual([500, 500, 200]);
    expect(new Set(shop.of('WH-TEA').map((call) => call.headers['webhook-id'])).size).toBe(1);

    const jug = await eventually(() => deliveriesOf(subscription.id, 'WH-JUG'), (rows) => rows[0]?.status === 'FAILED', { timeoutMs: 60_000 });
    expect(jug).toEqual([expect.objectContaining({ version: 1, attempts: 20, lastError: 'HTTP 500: shop is down' })]);
    expect(shop.of('WH-JUG')).toHaveLength(20);
    const failed = await inventory.call(`/v1/webhook-subscriptions/${subscription.id}/deliveries?status=FAILED`, 'ops');
    expect(failed.body).toEqual([expect.objectContaining({ key: 'WH-JUG' })]);

    const metrics = await inventory.metrics();
    const count = (outcome: string) => Number(new RegExp(`^tradeflow_channel_webhook_deliveries_total\\{outcome="${outcome}"[^}]*\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
    expect(count('failed')).toBe(1);
    expect(count('retrying')).toBeGreaterThanOrEqual(21);
  });

  it('sends nothing to a deleted subscription, and keeps what it was sent visible', async () => {
    const marketplace = new FakeChannel();
    const created = await inventory.call('/v1/webhook-subscriptions', 'ops', {
      method: 'POST',
      body: { channel: 'marketplace', url: await marketplace.start(), feeds: ['products'] },
    });
    try {
      await upsert('WH-PAN', 1);
      await eventually(() => deliveriesOf(created.body.id, 'WH-PAN'), (rows) => rows[0]?.status === 'DELIVERED');
      expect(() => verify(subscription.secret, marketplace.of('WH-PAN')[0])).toThrow('No matching signature found');

      const remove = () => inventory.call(`/v1/webhook-subscriptions/${created.body.id}`, 'ops', { method: 'DELETE' });
      expect((await inventory.call(`/v1/webhook-subscriptions/${created.body.id}`, 'auditor', { method: 'DELETE' })).status).toBe(403);
      expect((await remove()).status).toBe(204);
      expect((await remove()).status).toBe(404);
      expect((await inventory.call('/v1/webhook-subscriptions', 'ops')).body.map((listed: { id: string }) => listed.id)).toEqual([subscription.id]);

      await upsert('WH-PAN', 2);
      await eventually(() => deliveriesOf(subscription.id, 'WH-PAN'), (rows) => rows[0]?.version === 2 && rows[0].status === 'DELIVERED');
      expect(marketplace.of('WH-PAN').map((call) => call.version)).toEqual([1]);
      expect(await deliveriesOf(created.body.id, 'WH-PAN')).toEqual([expect.objectContaining({ version: 1, status: 'DELIVERED' })]);

      const audit = await inventory.call(`/v1/audit?action=delete-webhook-subscription&targetId=${created.body.id}`, 'auditor');
      expect(audit.body.records).toHaveLength(1);
    } finally {
      await marketplace.stop();
    }
  });
});

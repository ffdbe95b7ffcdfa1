import type { AvailabilityChanged, OrderApproved } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { foreignEvent, InventoryUnderTest } from '../testing/inventory-under-test';

function approved(sku: string, quantity: number): OrderApproved {
  const lines = [{ lineNo: 1, sku, quantity }];
  return foreignEvent('OrderApproved', { orderId: randomUUID(), customerId: 'CUST-1', allowPartialShipment: false, lines }, 2);
}

interface Call {
  body: string;
  headers: Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;
}

describe('availability to sell: topic, API and channel webhooks (real Kafka, registry, Postgres, a local HTTP receiver)', () => {
  let inventory: InventoryUnderTest;
  const calls: Call[] = [];
  const shop: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { headers } = request;
      calls.push({
        body: Buffer.concat(chunks).toString(),
        headers: {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        },
      });
      response.writeHead(200).end('ok');
    });
  });

  beforeAll(async () => {
    const seed = join(mkdtempSync(join(tmpdir(), 'tradeflow-availability-')), 'stock.json');
    writeFileSync(seed, JSON.stringify([{ sku: 'SEEDED', warehouse: 'BER', onHand: 8 }]));
    inventory = await new InventoryUnderTest().start({ CHANNEL_WEBHOOK_POLL_INTERVAL_MS: '50', INVENTORY_SEED_FILE: seed });
    await inventory.addProducts(['MUG', 'TEA', 'JUG', 'CUP']);
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await inventory?.stop();
    await new Promise((resolve) => shop.close(resolve));
  });

  const figures = async (sku: string, count: number) =>
    (await inventory.published('tradeflow.availability.v1', sku, (types) => types.length >= count)) as AvailabilityChanged[];
  const availability = async (sku: string) => (await inventory.call(`/v1/availability/${sku}`, 'shop')).body;

  it('publishes the figure of received stock on the compacted topic and answers it to a channel', async () => {
    await inventory.receive('BER', [{ sku: 'MUG', quantity: 10 }]);
    const [first] = await figures('MUG', 1);
    expect(first).toMatchObject({ eventType: 'AvailabilityChanged', sku: 'MUG', availableToSell: 10, onHand: 10, reserved: 0, safetyStock: 0 });
    expect(first.warehouses).toEqual([{ warehouse: 'BER', onHand: 10, reserved: 0, excluded: false }]);
    expect(await availability('MUG')).toEqual({
      sku: 'MUG',
      availableToSell: 10,
      onHand: 10,
      reserved: 0,
      safetyStock: 0,
      warehouses: [{ warehouse: 'BER', onHand: 10, reserved: 0, excluded: false }],
      sequence: first.sequence,
      changedAt: new Date(first.changedAt).toISOString(),
    });
  });

  it('publishes the figure of the sample stock loaded at first start', async () => {
    expect(await figures('SEEDED', 1)).toEqual([expect.objectContaining({ sku: 'SEEDED', availableToSell: 8, onHand: 8 })]);
    expect(await availability('SEEDED')).toMatchObject({ availableToSell: 8 });
  });

  it('lowers the figure when an order reserves, with a higher sequence', async () => {
    await inventory.publish(approved('MUG', 3));
    const after = await eventually(() => availability('MUG'), (figure) => figure.availableToSell === 7);
    expect(after).toMatchObject({ onHand: 10, reserved: 3 });
    const [first, second] = await figures('MUG', 2);
    expect(second).toMatchObject({ availableToSell: 7, sequence: after.sequence });
    expect(second.sequence).toBeGreaterThan(first.sequence);
  });

  it('subtracts the safety stock the catalogue or the warehouse sets, audited; channels may not set it', async () => {
    const put = (sku: string, body: unknown, as: 'erp' | 'warehouse' | 'shop' = 'erp') =>
      inventory.call(`/v1/availability/${sku}/safety-stock`, as, { method: 'PUT', body });
    const set = await put('MUG', { units: 2 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ sku: 'MUG', units: 2, updatedAt: expect.any(String) });
    expect(await availability('MUG')).toMatchObject({ availableToSell: 5, safetyStock: 2 });
    expect((await figures('MUG', 3))[2]).toMatchObject({ availableToSell: 5, safetyStock: 2 });

    expect((await put('MUG', { units: 20 }, 'warehouse')).status).toBe(200);
    expect(await availability('MUG')).toMatchObject({ availableToSell: 0, onHand: 10, reserved: 3, safetyStock: 20 });
    expect((await put('MUG', { units: 2 })).status).toBe(200);

    expect((await put('MUG', { units: 1 }, 'shop')).status).toBe(403);
    const negative = await put('MUG', { units: -1 });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain('units must not be negative');
    expect((await put('NO-SUCH-SKU', { units: 1 })).status).toBe(404);
    const audit = await inventory.call('/v1/audit?action=set-safety-stock', 'auditor');
    expect(audit.body.records).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorClient: 'erp', route: 'PUT /v1/availability/:sku/safety-stock', targets: { sku: 'MUG', units: '2' } })]),
    );
  });

  it('answers several skus, or every figure changed since an instant; 400 for neither or a bad one', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    await inventory.receive('BER', [{ sku: 'TEA', quantity: 4 }]);
    const several = await inventory.call('/v1/availability?sku=MUG&sku=TEA&sku=NEVER-STOCKED', 'shop');
    expect(several.status).toBe(200);
    expect(several.body).toEqual({
      items: [expect.objectContaining({ sku: 'MUG', availableToSell: 5 }), expect.objectContaining({ sku: 'TEA', availableToSell: 4 })],
      unknownSkus: ['NEVER-STOCKED'],
    });
    const one = await inventory.call('/v1/availability?sku=TEA', 'shop');
    expect(one.body).toEqual({ items: [expect.objectContaining({ sku: 'TEA', availableToSell: 4 })], unknownSkus: [] });
    const changed = await inventory.call(`/v1/availability?changedSince=${encodeURIComponent(before)}`, 'shop');
    expect(changed.body.items.map((item: { sku: string }) => item.sku)).toContain('TEA');
    expect(changed.body.items.map((item: { sku: string }) => item.sku)).not.toContain('JUG');

    expect((await inventory.call('/v1/availability', 'shop')).status).toBe(400);
    expect((await inventory.call('/v1/availability?changedSince=yesterday', 'shop')).status).toBe(400);
    expect((await inventory.call('/v1/availability?sku=a%20b', 'shop')).status).toBe(400);
    expect((await inventory.call('/v1/availability/NEVER-STOCKED', 'shop')).status).toBe(404);
    expect((await inventory.call('/v1/availability/MUG', 'nobody')).status).toBe(403);
  });

  it('leaves out the stock of a warehouse the product excludes, and counts it again once the product no longer does', async () => {
    await inventory.addProducts(['PAN'], { excludedWarehouses: ['QUARANTINE'] });
    await inventory.receive('QUARANTINE', [{ sku: 'PAN', quantity: 50 }]);
    await inventory.receive('BER', [{ sku: 'PAN', quantity: 2 }]);
    expect(await availability('PAN')).toMatchObject({ availableToSell: 2, onHand: 52 });

    await inventory.addProducts(['PAN'], { version: 2, excludedWarehouses: [] });
    expect(await availability('PAN')).toMatchObject({ availableToSell: 52, onHand: 52 });
    expect((await figures('PAN', 3)).map((figure) => figure.availableToSell)).toEqual([0, 2, 52]);
  });

  it('never goes negative when two orders race for the last units', async () => {
    await inventory.receive('BER', [{ sku: 'JUG', quantity: 3 }]);
    await inventory.receive('HAM', [{ sku: 'JUG', quantity: 2 }]);
    const orders = [approved('JUG', 4), approved('JUG', 4)];
    await Promise.all(orders.map((order) => inventory.publish(order)));
    await eventually(() => Promise.all(orders.map((order) => inventory.reservations(order.orderId))), (views) => views.every(Boolean));

    expect(await inventory.stock('JUG')).toMatchObject({ onHand: 5, reserved: 5 });
    expect(await availability('JUG')).toMatchObject({ availableToSell: 0, onHand: 5, reserved: 5 });
    const published = await figures('JUG', 4);
    expect(published.map((figure) => figure.availableToSell)).toEqual([3, 5, 1, 0]);
  });

  it("sends a channel subscribed to availability each sku's latest figure, signed with its secret", async () => {
    const { port } = shop.address() as AddressInfo;
    const created = await inventory.call('/v1/webhook-subscriptions', 'ops', {
      method: 'POST',
      body: { channel: 'webshop', url: `http://127.0.0.1:${port}/hooks`, feeds: ['availability'] },
    });
    expect(created.status).toBe(201);
    for (const quantity of [1, 2, 3]) await inventory.receive('BER', [{ sku: 'CUP', quantity }]);

    const latest = await eventually(
      () => Promise.resolve(calls.map((call) => JSON.parse(call.body)).filter((body) => body.key === 'CUP')),
      (bodies) => bodies.at(-1)?.data.availableToSell === 6,
    );
    const last = calls.filter((call) => JSON.parse(call.body).key === 'CUP').at(-1) as Call;
    expect(new Webhook(created.body.secret).verify(last.body, last.headers)).toEqual({
      type: 'availability.changed',
      feed: 'availability',
      key: 'CUP',
      data: expect.objectContaining({ sku: 'CUP', availableToSell: 6, onHand: 6, reserved: 0, sequence: expect.any(Number) }),
    });
    expect(latest.length).toBeLessThanOrEqual(3);
    expect(calls.some((call) => JSON.parse(call.body).feed === 'products')).toBe(false);
  });
});

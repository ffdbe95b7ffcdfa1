import { randomUUID } from 'node:crypto';
import { MARKET_KEY, OrderUnderTest } from '../testing/order-under-test';

const MUGS = [{ sku: 'MUG', quantity: 2 }];
const walkIn = () => `WALK-IN-${randomUUID().slice(0, 8)}`;

describe('who may call the order API: tokens, roles, channel keys and the audit trail (real OpenID provider, Kafka, Postgres)', () => {
  let order: OrderUnderTest;

  beforeAll(async () => {
    order = await new OrderUnderTest().start();
  });
  afterAll(() => order?.stop());

  it('answers 401 without a credential and 403 to a valid token without a role', async () => {
    const { id } = await order.place(walkIn(), MUGS);
    for (const [method, path, body] of [
      ['GET', `/${id}`],
      ['GET', ''],
      ['POST', `/${id}/approve`, { reason: 'known customer' }],
      ['POST', `/${id}/cancel`, { reason: 'asked by phone' }],
    ] as const) {
      expect([method, path, (await order.call(method, path, body, { key: null })).status]).toEqual([method, path, 401]);
      expect([method, path, (await order.call(method, path, body, { as: 'nobody' })).status]).toEqual([method, path, 403]);
    }
    expect((await order.call('GET', `/v1/customer-accounts/${walkIn()}`, undefined, { root: true, key: null })).status).toBe(401);
    expect((await order.call('GET', `/v1/customer-accounts/${walkIn()}`, undefined, { root: true, as: 'warehouse' })).status).toBe(403);
  });

  it('credit control approves a held order with a reason, and the auditor finds who, roles, why and the order', async () => {
    const held = await order.place(walkIn(), MUGS);
    expect(held.status).toBe('HELD');
    const refused = await order.call('POST', `/${held.id}/approve`, {}, { as: 'credit' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('reason is required: say why you take this action');
    expect((await order.call('POST', `/${held.id}/approve`, { reason: 'x' }, { as: 'ops' })).status).toBe(403);

    const approved = await order.call('POST', `/${held.id}/approve`, { reason: 'limit raised by phone' }, { as: 'credit' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.timeline.at(-1).detail).toMatch(/^manual approval by credit: limit raised by phone /);

    const trail = await order.call('GET', `/v1/audit?targetId=${held.id}`, undefined, { root: true, as: 'auditor' });
    expect(trail.status).toBe(200);
    expect(trail.body.records).toEqual([
      expect.objectContaining({
        action: 'approve-order',
        targetId: held.id,
        targets: { id: held.id },
        actorSubject: 'credit',
        actorClient: 'credit',
        actorRoles: ['credit'],
        actorVia: 'bearer',
        route: 'POST /v1/orders/:id/approve',
        reason: 'limit raised by phone',
      }),
    ]);
  });

  it('operators must say why they cancel; a channel cancelling its own order is audited as the channel', async () => {
    const byOps = await order.place(walkIn(), MUGS);
    expect((await order.call('POST', `/${byOps.id}/cancel`, {}, { as: 'ops' })).status).toBe(400);
    expect((await order.call('POST', `/${byOps.id}/cancel`, { reason: 'fraud suspected' }, { as: 'ops' })).body.status).toBe('CANCELLED');

    const byShop = await order.place(walkIn(), MUGS);
    expect((await order.call('POST', `/${byShop.id}/cancel`, { reason: 'customer asked' })).body.status).toBe('CANCELLED');

    const trail = await order.call('GET', '/v1/audit?action=cancel-order', undefined, { root: true, as: 'ops' });
    const byTarget = new Map(trail.body.records.map((record: { targetId: string }) => [record.targetId, record]));
    expect(byTarget.get(byOps.id)).toMatchObject({ actorSubject: 'ops', actorRoles: ['ops'], reason: 'fraud suspected' });
    expect(byTarget.get(byShop.id)).toMatchObject({ actorSubject: 'int-shop', actorRoles: [], actorVia: 'api-key', reason: 'customer asked' });
  });

  it("a channel never sees or changes another channel's order: 404 as if it did not exist, and its list leaves it out", async () => {
    const shops = await order.place(walkIn(), MUGS);
    const markets = await order.place(walkIn(), MUGS, 'EUR', MARKET_KEY);
    const missing = randomUUID();
    const asMarket = (method: string, path: string, body?: unknown) => order.call(method, path, body, { key: MARKET_KEY });

    const notFound = (id: string) => ({ statusCode: 404, message: `Order ${id} not found` });
    expect(await asMarket('GET', `/${shops.id}`)).toMatchObject({ status: 404, body: notFound(shops.id) });
    expect(await asMarket('GET', `/${missing}`)).toMatchObject({ status: 404, body: notFound(missing) });
    expect((await asMarket('PATCH', `/${shops.id}`, { lines: [{ lineNo: 1, quantity: 1 }] })).status).toBe(404);
    expect((await asMarket('POST', `/${shops.id}/cancel`, { reason: 'not mine' })).status).toBe(404);
    expect((await asMarket('POST', `/${shops.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] })).status).toBe(404);
    expect((await order.get(shops.id)).lines[0]).toMatchObject({ ordered: 2, cancelled: 0, returnRequested: 0 });

    const listed = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((item) => item.id);
    expect(listed(await asMarket('GET', '?limit=500'))).toEqual([markets.id]);
    expect(listed(await order.call('GET', '?limit=500'))).not.toContain(markets.id);
    expect(listed(await order.call('GET', '?limit=500', undefined, { as: 'auditor' }))).toEqual(expect.arrayContaining([shops.id, markets.id]));
    expect((await order.call('GET', `/${markets.id}`, undefined, { as: 'warehouse' })).body.channel).toBe('int-market');
  });
});

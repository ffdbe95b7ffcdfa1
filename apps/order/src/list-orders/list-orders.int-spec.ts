import { randomUUID } from 'node:crypto';
import { MARKET_KEY, OrderUnderTest } from '../testing/order-under-test';

describe('GET /v1/orders: every order, page by page (real Kafka, registry, Postgres)', () => {
  let order: OrderUnderTest;
  const placed: string[] = [];
  const customer = `PAGES-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    order = await new OrderUnderTest().start();
    for (let index = 0; index < 5; index++) placed.push((await order.place(customer, [{ sku: 'MUG', quantity: index + 1 }])).id);
    placed.push((await order.place(`OTHER-${randomUUID().slice(0, 8)}`, [{ sku: 'TEA', quantity: 1 }])).id);
  });
  afterAll(() => order?.stop());

  it('pages through every order by id, each item the same view as GET /v1/orders/{id}', async () => {
    const seen: string[] = [];
    let afterId: string | null = null;
    let pages = 0;
    do {
      const page = await order.call('GET', `?limit=4${afterId ? `&afterId=${afterId}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.items.map((view: { id: string }) => view.id));
      afterId = page.body.nextAfterId;
      pages += 1;
    } while (afterId);
    expect(pages).toBe(2);
    expect(seen).toEqual([...placed].sort());

    const [first] = (await order.call('GET', '?limit=1')).body.items;
    expect(first).toEqual(await order.get(first.id));
  });

  it('answers the default page of 100 with nextAfterId null when everything fits', async () => {
    const page = await order.call('GET', '');
    expect(page.body.items).toHaveLength(placed.length);
    expect(page.body.nextAfterId).toBeNull();
  });

  it('filters by customer', async () => {
    const page = await order.call('GET', `?customerId=${customer}&limit=500`);
    expect(page.body.items.map((view: { id: string }) => view.id)).toEqual(placed.slice(0, 5).sort());
    expect(page.body.items[0]).toMatchObject({ customerId: customer, status: 'HELD', hold: { reason: 'UNKNOWN_CUSTOMER' } });
    expect((await order.call('GET', '?customerId=NOBODY')).body).toEqual({ items: [], nextAfterId: null });
  });

  it('searches by channel, status, time placed and id prefix, and pages through the matches by id', async () => {
    const searched = `SEARCH-${randomUUID().slice(0, 8)}`;
    const shop = await order.place(searched, [{ sku: 'MUG', quantity: 1 }]);
    const market = await order.place(searched, [{ sku: 'MUG', quantity: 1 }], 'EUR', MARKET_KEY);
    const ids = async (query: string, key?: string) => {
      const page = await order.call('GET', `?customerId=${searched}&${query}`, undefined, key ? { key } : { as: 'ops' });
      expect([query, page.status]).toEqual([query, 200]);
      return page.body.items.map((view: { id: string }) => view.id);
    };
    expect(await ids('channel=int-market')).toEqual([market.id]);
    expect(await ids('status=HELD')).toEqual([shop.id, market.id].sort());
    expect(await ids('status=APPROVED')).toEqual([]);
    expect(await ids(`placedTo=${market.createdAt}`)).toEqual(shop.createdAt < market.createdAt ? [shop.id] : []);
    expect(await ids(`placedFrom=${market.createdAt}&placedTo=${new Date(Date.parse(market.createdAt) + 1).toISOString()}`)).toContain(market.id);
    expect(await ids(`q=${shop.id.slice(0, 8).toUpperCase()}`)).toEqual([shop.id]);
    expect(await ids(`q=${market.id}`)).toEqual([market.id]);
    // Paged by id within the search: one a page, then the other.
    const first = await order.call('GET', `?customerId=${searched}&status=HELD&limit=1`, undefined, { as: 'ops' });
    const second = await order.call('GET', `?customerId=${searched}&status=HELD&limit=1&afterId=${first.body.nextAfterId}`, undefined, { as: 'ops' });
    expect([...first.body.items, ...second.body.items].map((view: { id: string }) => view.id)).toEqual([shop.id, market.id].sort());
    expect(second.body.nextAfterId).toBeNull();
    // A channel finds only its own orders, whatever it asks for.
    expect(await ids('', MARKET_KEY)).toEqual([market.id]);
    expect(await ids('channel=int-shop', MARKET_KEY)).toEqual([]);
  });

  it('refuses a bad page request (400) and a request without a key (401)', async () => {
    const searches = ['?status=LOST', '?placedFrom=yesterday', '?placedTo=2026-13-01', '?q=xyz', '?q=3f2a9c1e7', '?channel=a%20b'];
    for (const query of [...searches, '?limit=0', '?limit=501', '?limit=ten', '?afterId=not-a-uuid', '?customerId=no%20spaces', '?colour=red']) {
      expect([query, (await order.call('GET', query)).status]).toEqual([query, 400]);
    }
    expect((await order.call('GET', '', undefined, { key: null })).status).toBe(401);
  });
});

import { randomUUID } from 'node:crypto';
import { OrderFixture } from '../testing/order-fixture';

describe('GET /v1/orders: every order, page by page (real Kafka, registry, Postgres)', () => {
  let order: OrderFixture;
  const placed: string[] = [];
  const customer = `PAGES-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    order = await OrderFixture.start();
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

  it('refuses a bad page request (400) and a request without a key (401)', async () => {
    for (const query of ['?limit=0', '?limit=501', '?limit=ten', '?afterId=not-a-uuid', '?customerId=no%20spaces', '?colour=red']) {
      expect([query, (await order.call('GET', query)).status]).toEqual([query, 400]);
    }
    expect((await order.call('GET', '', undefined, { key: null })).status).toBe(401);
  });
});

import { randomUUID } from 'node:crypto';
import type { Answer } from '../testing/order-under-test';
import { MARKET_KEY, OrderUnderTest, SHOP_KEY } from '../testing/order-under-test';

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

describe('the channel’s own order number: one order per channel order (real Kafka, registry, Postgres)', () => {
  let order: OrderUnderTest;
  const customer = `CHANNEL-NO-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    order = await new OrderUnderTest().start();
  });
  afterAll(() => order?.stop());

  /** A fresh Idempotency-Key each time unless given: what a channel sending the same order twice does. */
  const place = (channelOrderNumber: unknown, options: { key?: string; idempotencyKey?: string; quantity?: number } = {}): Promise<Answer> =>
    order.call(
      'POST',
      '',
      {
        customerId: customer,
        currency: 'EUR',
        shippingAddress: ADDRESS,
        ...(channelOrderNumber === undefined ? {} : { channelOrderNumber }),
        lines: [{ sku: 'MUG', quantity: options.quantity ?? 1, unitPriceMinor: 500, taxRateBp: 1900 }],
      },
      { key: options.key ?? SHOP_KEY, idempotencyKey: options.idempotencyKey },
    );

  it('stores the number trimmed, shows it and carries it on OrderPlaced; the same number again is 409 naming the first order', async () => {
    const number = `WEB-${randomUUID().slice(0, 8)}`;
    const idempotencyKey = randomUUID();
    const first = await place(`  ${number} `, { idempotencyKey });
    expect(first.status).toBe(201);
    expect(first.body.channelOrderNumber).toBe(number);
    expect(await order.get(first.body.id)).toMatchObject({ channel: 'int-shop', channelOrderNumber: number });

    const again = await place(number, { quantity: 2 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: `channel order ${number} is already order ${first.body.id}`, orderId: first.body.id });
    // A retry of the first request under its own key is still the first answer, not a conflict.
    expect(await place(`  ${number} `, { idempotencyKey })).toEqual(first);
    // Another channel's number space is its own.
    const market = await place(number, { key: MARKET_KEY });
    expect(market.status).toBe(201);
    expect(market.body.id).not.toBe(first.body.id);

    const [placed] = (await order.publishedFor(first.body.id, (types) => types.includes('OrderPlaced'))).filter(
      (event) => event.eventType === 'OrderPlaced',
    );
    expect(placed).toMatchObject({ channel: 'int-shop', channelOrderNumber: number });
  });

  it('leaves the number out when the channel sends none: such orders never collide', async () => {
    const [one, two] = [await place(undefined), await place(null)];
    expect([one.status, two.status]).toEqual([201, 201]);
    expect([one.body.channelOrderNumber, two.body.channelOrderNumber]).toEqual([null, null]);
    const [placed] = (await order.publishedFor(one.body.id, (types) => types.includes('OrderPlaced'))).filter(
      (event) => event.eventType === 'OrderPlaced',
    );
    expect(placed.channelOrderNumber).toBeNull();
  });

  it('refuses a number that is blank once trimmed, too long or not text (400 naming the field)', async () => {
    for (const bad of ['   ', 'x'.repeat(65), 42, 'WEB\u0000-1']) {
      const refused = await place(bad);
      expect([bad, refused.status]).toEqual([bad, 400]);
      expect(JSON.stringify(refused.body.message)).toContain('channelOrderNumber');
    }
  });

  it('places one order when the same channel order arrives twice at once: one 201, one 409 naming it', async () => {
    const number = `RACE-${randomUUID().slice(0, 8)}`;
    const answers = await Promise.all([place(number), place(number)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409]);
    const created = answers.find((answer) => answer.status === 201)!;
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body).toMatchObject({ message: `channel order ${number} is already order ${created.body.id}`, orderId: created.body.id });

    const found = await order.call('GET', `?channelOrderNumber=${number}`);
    expect(found.body.items.map((view: { id: string }) => view.id)).toEqual([created.body.id]);
  });

  it('lists orders by channel order number: a channel finds its own, staff every channel’s', async () => {
    const number = `LIST-${randomUUID().slice(0, 8)}`;
    const shop = (await place(number)).body;
    const market = (await place(number, { key: MARKET_KEY })).body;
    const ids = async (options: { key?: string; as?: 'ops' }) =>
      (await order.call('GET', `?channelOrderNumber=${encodeURIComponent(` ${number}`)}`, undefined, options)).body.items.map(
        (view: { id: string }) => view.id,
      );
    expect(await ids({ key: SHOP_KEY })).toEqual([shop.id]);
    expect(await ids({ key: MARKET_KEY })).toEqual([market.id]);
    expect(await ids({ as: 'ops' })).toEqual([shop.id, market.id].sort());
    expect((await order.call('GET', `?channelOrderNumber=${'x'.repeat(65)}`)).status).toBe(400);
  });
});

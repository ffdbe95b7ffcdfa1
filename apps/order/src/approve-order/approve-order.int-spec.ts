import { randomUUID } from 'node:crypto';
import { DESK_KEY, OrderUnderTest } from '../testing/order-under-test';

const MUGS = [{ sku: 'MUG', quantity: 2 }];

describe('manual approval and cancellation of held orders (real Kafka, registry, Postgres)', () => {
  let order: OrderUnderTest;

  beforeAll(async () => {
    order = await new OrderUnderTest().start();
  });
  afterAll(() => order?.stop());

  it('approves a held order for a key with orders:approve only, naming who and why; 409 unless HELD', async () => {
    const held = await order.place(`WALK-IN-${randomUUID().slice(0, 8)}`, MUGS);
    expect(held.status).toBe('HELD');
    const reason = { reason: 'known walk-in customer, paid cash' };

    const forbidden = await order.call('POST', `/${held.id}/approve`, reason);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toBe('API key lacks scope orders:approve');
    expect((await order.call('POST', `/${held.id}/approve`, reason, { key: null })).status).toBe(401);
    expect((await order.call('POST', `/${held.id}/approve`, {}, { key: DESK_KEY })).status).toBe(400);
    expect((await order.call('POST', `/${randomUUID()}/approve`, reason, { key: DESK_KEY })).status).toBe(404);

    const idempotencyKey = randomUUID();
    const approved = await order.call('POST', `/${held.id}/approve`, reason, { key: DESK_KEY, idempotencyKey });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', hold: null });
    expect(approved.body.timeline.at(-1)).toMatchObject({
      event: 'OrderApproved',
      status: 'APPROVED',
      detail: expect.stringMatching(/^manual approval by int-desk: known walk-in customer, paid cash \(was held: UNKNOWN_CUSTOMER: /),
    });
    expect(await order.call('POST', `/${held.id}/approve`, reason, { key: DESK_KEY, idempotencyKey })).toEqual(approved);

    const again = await order.call('POST', `/${held.id}/approve`, reason, { key: DESK_KEY });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('only a HELD order can be approved by hand; this one is APPROVED');

    const events = await order.publishedFor(held.id, (types) => types.includes('OrderApproved'));
    expect(events.map((event) => event.eventType)).toEqual(['OrderPlaced', 'OrderHeld', 'OrderApproved']);
  });

  it('cancels a held order (nothing was reserved); the customer arriving later does not approve it', async () => {
    const customer = `LATE-${randomUUID().slice(0, 8)}`;
    const held = await order.place(customer, MUGS);
    const cancelled = await order.call('POST', `/${held.id}/cancel`, { reason: 'customer gave up waiting' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', hold: null });
    expect(cancelled.body.lines[0]).toMatchObject({ ordered: 2, cancelled: 2, reserved: 0 });

    await order.upsertCustomer(customer);
    await order.customersApplied();
    expect((await order.get(held.id)).status).toBe('CANCELLED');
    expect((await order.call('POST', `/${held.id}/approve`, { reason: 'too late' }, { key: DESK_KEY })).status).toBe(409);
    const events = await order.publishedFor(held.id, (types) => types.includes('OrderCancelled'));
    expect(events.map((event) => event.eventType)).toEqual(['OrderPlaced', 'OrderHeld', 'OrderCancelled']);
  });
});

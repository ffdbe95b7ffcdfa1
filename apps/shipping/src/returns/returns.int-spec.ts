import type { ReturnReceived } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { ShipmentView } from '../shipments/dto/shipment-view.dto';
import { ShippingUnderTest, upstream } from '../testing/shipping-under-test';
import type { ReturnView } from './dto/return-view.dto';

describe('returns (real Kafka, registry, Postgres)', () => {
  const shipping = new ShippingUnderTest();

  beforeAll(() => shipping.start());
  afterAll(() => shipping.stop());

  it('receives a return into the warehouses that dispatched the goods and publishes ReturnReceived', async () => {
    const orderId = randomUUID();
    await shipping.publish(
      upstream.placed(orderId, [
        [1, 'MUG', 3],
        [2, 'TEA', 1],
      ]),
      upstream.reserved(orderId, [
        [1, 'MUG', 'BER', 1],
        [1, 'MUG', 'HAM', 2],
        [2, 'TEA', 'HAM', 1],
      ]),
    );
    const shipments = await eventually(
      () => shipping.shipmentsOf(orderId),
      (all: ShipmentView[]) => all.length === 2 && all.every((shipment) => shipment.status === 'LABELLED'),
    );
    // HAM first, so the return fills HAM before BER.
    for (const warehouse of ['HAM', 'BER']) {
      const shipment = shipments.find((candidate) => candidate.warehouse === warehouse)!;
      expect((await shipping.call('POST', `/v1/shipments/${shipment.id}/dispatch`)).status).toBe(200);
    }

    const returnId = `RET-${randomUUID().slice(0, 8)}`;
    await shipping.publish(upstream.returnRequested(orderId, returnId, [[1, 'MUG', 3]]));
    const requested = await eventually(() => shipping.call<ReturnView>('GET', `/v1/returns/${returnId}`), ({ status }) => status === 200);
    expect(requested.body).toMatchObject({ id: returnId, orderId, status: 'REQUESTED', lines: [{ lineNo: 1, sku: 'MUG', quantity: 3 }], receivedLines: null });

    const received = await shipping.call<ReturnView>('POST', `/v1/returns/${returnId}/receive`);
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({
      status: 'RECEIVED',
      receivedLines: [
        { lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 2 },
        { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
      ],
    });
    expect(received.body.receivedAt).toBeTruthy();
    expect(await shipping.auditOf(returnId)).toEqual([
      expect.objectContaining({ action: 'receive-return', targets: { id: returnId }, actorSubject: 'warehouse', actorRoles: ['warehouse'] }),
    ]);
    expect((await shipping.call('GET', `/v1/returns?orderId=${orderId}`)).body).toEqual([received.body]);

    const twice = await shipping.call<{ message: string }>('POST', `/v1/returns/${returnId}/receive`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('already received');

    const events = await shipping.shipmentEvents(orderId, (types) => types.includes('ReturnReceived'));
    const event = events.find((candidate): candidate is ReturnReceived => candidate.eventType === 'ReturnReceived')!;
    expect(event).toMatchObject({ returnId, aggregateId: returnId, correlationId: orderId, lines: received.body.receivedLines });

    // Everything of line 1 is back: a further return of it cannot be received.
    const secondId = `RET-${randomUUID().slice(0, 8)}`;
    await shipping.publish(upstream.returnRequested(orderId, secondId, [[1, 'MUG', 1]], 6));
    await eventually(() => shipping.call('GET', `/v1/returns/${secondId}`), ({ status }) => status === 200);
    const tooMuch = await shipping.call<{ message: string }>('POST', `/v1/returns/${secondId}/receive`);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.message).toBe(`Return ${secondId} cannot be received: line 1 returns 1 but only 0 was dispatched and not yet returned`);
  });

  it('lets only the warehouse receive a return, and staff read returns', async () => {
    expect((await shipping.call('POST', '/v1/returns/RET-unknown/receive', undefined, 'anonymous')).status).toBe(401);
    expect((await shipping.call('POST', '/v1/returns/RET-unknown/receive', undefined, 'ops')).status).toBe(403);
    expect((await shipping.call('GET', '/v1/returns/RET-unknown', undefined, 'shop')).status).toBe(403);
    expect((await shipping.call('GET', '/v1/returns/RET-unknown', undefined, 'finance')).status).toBe(404);
  });

  it('answers 404 for an unknown return and 400 for a malformed id', async () => {
    expect(await shipping.call('GET', '/v1/returns/RET-unknown')).toMatchObject({ status: 404, body: { message: 'Return RET-unknown not found' } });
    expect((await shipping.call('POST', '/v1/returns/RET-unknown/receive')).status).toBe(404);
    expect((await shipping.call('GET', '/v1/returns/bad%20id')).status).toBe(400);
  });
});

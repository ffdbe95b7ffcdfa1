import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { ShippingUnderTest, signCarrierEvent, upstream } from '../testing/shipping-under-test';
import type { ShipmentView } from './dto/shipment-view.dto';

/** Signed by the carrier before the secret rotation began; accepted until the previous secret is unset. */
const PREVIOUS_CARRIER_SECRET = 'the-carrier-secret-before-the-rotation';
const now = () => Math.floor(Date.now() / 1000);

describe('who may act on shipments (real Kafka, registry, Postgres, OpenID provider)', () => {
  const shipping = new ShippingUnderTest();
  let ber: ShipmentView;
  let ham: ShipmentView;

  beforeAll(async () => {
    // The carrier rotation is under way: both its secrets sign valid events.
    await shipping.start({ CARRIER_WEBHOOK_PREVIOUS_SECRET: PREVIOUS_CARRIER_SECRET });
    const orderId = randomUUID();
    await shipping.publish(
      upstream.placed(orderId, [
        [1, 'MUG', 1],
        [2, 'TEA', 1],
      ]),
      upstream.reserved(orderId, [
        [1, 'MUG', 'BER', 1],
        [2, 'TEA', 'HAM', 1],
      ]),
    );
    [ber, ham] = await eventually(
      () => shipping.shipmentsOf(orderId),
      (shipments) => shipments.length === 2 && shipments.every((shipment) => shipment.status === 'LABELLED'),
    );
  });
  afterAll(() => shipping.stop());

  const statusOf = async (id: string) => (await shipping.call<ShipmentView>('GET', `/v1/shipments/${id}`)).body.status;

  it('lets the warehouse dispatch, and the audit trail shows who did', async () => {
    expect((await shipping.call('POST', `/v1/shipments/${ber.id}/dispatch`, undefined, 'anonymous')).status).toBe(401);
    expect((await shipping.call('POST', `/v1/shipments/${ber.id}/dispatch`, undefined, 'finance')).status).toBe(403);
    expect(await statusOf(ber.id)).toBe('LABELLED');
    expect(await shipping.auditOf(ber.id)).toEqual([]);

    const dispatched = await shipping.call<ShipmentView>('POST', `/v1/shipments/${ber.id}/dispatch`, undefined, 'warehouse');
    expect(dispatched).toMatchObject({ status: 200, body: { status: 'DISPATCHED' } });
    expect(await shipping.auditOf(ber.id)).toEqual([
      expect.objectContaining({
        action: 'dispatch-shipment',
        targetId: ber.id,
        targets: { id: ber.id },
        actorSubject: 'warehouse',
        actorRoles: ['warehouse'],
        actorVia: 'bearer',
        route: 'POST /v1/shipments/:id/dispatch',
      }),
    ]);
  });

  it('shows shipments to staff only', async () => {
    expect((await shipping.call('GET', `/v1/shipments/${ham.id}`, undefined, 'anonymous')).status).toBe(401);
    expect((await shipping.call('GET', `/v1/shipments?orderId=${ham.orderId}`, undefined, 'shop')).status).toBe(403);
    expect((await shipping.call('GET', `/v1/shipments/${ham.id}`, undefined, 'nobody')).status).toBe(403);
    expect((await shipping.call('GET', `/v1/shipments/${ham.id}`, undefined, 'auditor')).status).toBe(200);
  });

  it('applies a carrier event only when the carrier signed it, once', async () => {
    const delivery = { trackingNumber: ham.trackingNumber, status: 'DELIVERED' };
    // Signed now with the current secret; refused while the shipment is still in the warehouse.
    const signed = signCarrierEvent(delivery);
    expect((await shipping.carrierEvent(signed)).status).toBe(409);
    expect((await shipping.call('POST', `/v1/shipments/${ham.id}/dispatch`)).status).toBe(200);

    const refused = [
      signCarrierEvent(delivery, { secret: 'not-the-carrier-secret-but-long-enough' }),
      signCarrierEvent(delivery, { timestamp: now() - 301 }),
    ];
    for (const attempt of refused) expect((await shipping.carrierEvent(attempt)).status).toBe(401);
    // Neither a missing signature nor a staff token stands in for the carrier.
    expect((await shipping.call('POST', '/v1/carrier/events', delivery, 'anonymous')).status).toBe(401);
    expect((await shipping.call('POST', '/v1/carrier/events', delivery, 'admin')).status).toBe(401);
    expect(await statusOf(ham.id)).toBe('DISPATCHED');

    // The refused attempt did not use its signature up: the carrier's retry of it is applied.
    const delivered = await shipping.carrierEvent<ShipmentView>(signed);
    expect(delivered).toMatchObject({ status: 200, body: { status: 'DELIVERED' } });
    const replay = await shipping.carrierEvent<{ message: string }>(signed);
    expect(replay).toMatchObject({ status: 401, body: { message: expect.stringContaining('replay') } });
    expect((await shipping.call<ShipmentView>('GET', `/v1/shipments/${ham.id}`)).body).toEqual(delivered.body);
  });

  it('accepts the previous secret during a rotation', async () => {
    // Dispatching is idempotent: whether or not the test above ran, the shipment has left.
    expect((await shipping.call('POST', `/v1/shipments/${ber.id}/dispatch`)).status).toBe(200);
    const signed = signCarrierEvent({ trackingNumber: ber.trackingNumber, status: 'DELIVERED' }, { secret: PREVIOUS_CARRIER_SECRET });
    expect((await shipping.carrierEvent(signed)).status).toBe(200);
    expect(await statusOf(ber.id)).toBe('DELIVERED');
    expect((await shipping.carrierEvent(signed)).status).toBe(401);
  });
});

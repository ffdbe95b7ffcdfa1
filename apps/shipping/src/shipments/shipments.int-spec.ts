import type { ShipmentCancelled, ShipmentCreated, ShipmentDelivered, ShipmentDispatched, ShipmentException, ShipmentLabelled } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { ShippingUnderTest, signCarrierEvent, upstream } from '../testing/shipping-under-test';
import type { ShipmentView } from './dto/shipment-view.dto';

const count = (types: string[], type: string) => types.filter((candidate) => candidate === type).length;
const allLabelled = (expected: number) => (shipments: ShipmentView[]) =>
  shipments.length === expected && shipments.every((shipment) => shipment.status === 'LABELLED');

describe('shipping from reservations to delivery (real Kafka, registry, Postgres)', () => {
  const shipping = new ShippingUnderTest();

  beforeAll(() => shipping.start());
  afterAll(() => shipping.stop());

  it('waits for full reservation, ships per warehouse, labels, dispatches and delivers', async () => {
    const orderId = randomUUID();
    await shipping.publish(
      upstream.placed(orderId, [
        [1, 'MUG', 2],
        [2, 'TEA', 1],
      ]),
      upstream.reserved(orderId, [[1, 'MUG', 'BER', 2]]),
    );
    // A marker order behind ours on both topics: once its shipment exists, our partial reservation was seen.
    const marker = randomUUID();
    await shipping.publish(upstream.placed(marker, [[1, 'PEN', 1]]), upstream.reserved(marker, [[1, 'PEN', 'BER', 1]]));
    await eventually(() => shipping.shipmentsOf(marker), (shipments) => shipments.length === 1);
    expect(await shipping.shipmentsOf(orderId)).toEqual([]);

    await shipping.publish(upstream.reserved(orderId, [[2, 'TEA', 'HAM', 1]], 2));
    const [ber, ham] = await eventually(() => shipping.shipmentsOf(orderId), allLabelled(2));
    expect(ber).toMatchObject({ orderId, warehouse: 'BER', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }], carrier: 'local', labelAttempts: 1 });
    expect(ham).toMatchObject({ orderId, warehouse: 'HAM', lines: [{ lineNo: 2, sku: 'TEA', quantity: 1 }] });
    expect(ber.trackingNumber).toMatch(/^LC/);
    expect(ber.labelNumber).toBeTruthy();
    expect(ber.labelledAt).toBeTruthy();
    expect((await shipping.call('GET', `/v1/shipments/${ber.id}`)).body).toEqual(ber);

    // The carrier cannot deliver what has not left the warehouse.
    const early = await shipping.carrierEvent<{ message: string }>({ trackingNumber: ham.trackingNumber, status: 'DELIVERED' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('not dispatched');

    const dispatched = await shipping.call<ShipmentView>('POST', `/v1/shipments/${ber.id}/dispatch`);
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'DISPATCHED', trackingNumber: ber.trackingNumber });
    const again = await shipping.call<ShipmentView>('POST', `/v1/shipments/${ber.id}/dispatch`);
    expect(again).toEqual({ status: 200, body: dispatched.body });

    const inTransit = await shipping.carrierEvent<ShipmentView>({ trackingNumber: ber.trackingNumber, status: 'IN_TRANSIT' });
    expect(inTransit.status).toBe(202);
    expect(inTransit.body.status).toBe('DISPATCHED');
    const delivery = { trackingNumber: ber.trackingNumber, status: 'DELIVERED' };
    const sentAt = Math.floor(Date.now() / 1000);
    const delivered = await shipping.carrierEvent<ShipmentView>(signCarrierEvent(delivery, { timestamp: sentAt }));
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('DELIVERED');
    expect(delivered.body.deliveredAt).toBeTruthy();
    // The carrier reports the delivery again, signed anew (a later timestamp): same view, nothing published.
    const deliveredAgain = await shipping.carrierEvent<ShipmentView>(signCarrierEvent(delivery, { timestamp: sentAt + 1 }));
    expect(deliveredAgain).toEqual({ status: 200, body: delivered.body });

    const events = await shipping.shipmentEvents(
      orderId,
      (types) => count(types, 'ShipmentLabelled') === 2 && count(types, 'ShipmentDelivered') === 1 && count(types, 'ShipmentDispatched') === 1,
    );
    const created = events.filter((event): event is ShipmentCreated => event.eventType === 'ShipmentCreated');
    expect(created.map(({ warehouse, lines }) => ({ warehouse, lines }))).toEqual([
      { warehouse: 'BER', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] },
      { warehouse: 'HAM', lines: [{ lineNo: 2, sku: 'TEA', quantity: 1 }] },
    ]);
    const labelled = events.find((event): event is ShipmentLabelled => event.eventType === 'ShipmentLabelled' && event.shipmentId === ber.id)!;
    expect(labelled).toMatchObject({ carrier: 'local', trackingNumber: ber.trackingNumber, aggregateId: ber.id, aggregateVersion: 2, correlationId: orderId });
    expect(labelled.causationId).toBe(created.find((event) => event.shipmentId === ber.id)!.eventId);
    const dispatchedEvent = events.find((event): event is ShipmentDispatched => event.eventType === 'ShipmentDispatched')!;
    expect(dispatchedEvent).toMatchObject({
      shipmentId: ber.id,
      warehouse: 'BER',
      trackingNumber: ber.trackingNumber,
      lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }],
      aggregateVersion: 3,
      correlationId: orderId,
    });
    const deliveredEvent = events.find((event): event is ShipmentDelivered => event.eventType === 'ShipmentDelivered')!;
    expect(deliveredEvent).toMatchObject({ shipmentId: ber.id, trackingNumber: ber.trackingNumber, aggregateVersion: 4 });
    expect(events.filter((event) => event.eventType === 'ShipmentCreated')).toHaveLength(2);
  });

  it('ships what is reserved at once when the order allows partial shipment', async () => {
    const orderId = randomUUID();
    await shipping.publish(upstream.placed(orderId, [[1, 'MUG', 3]], true), upstream.reserved(orderId, [[1, 'MUG', 'BER', 1]]));
    await eventually(() => shipping.shipmentsOf(orderId), allLabelled(1));

    await shipping.publish(upstream.reserved(orderId, [[1, 'MUG', 'BER', 2]], 2));
    const shipments = await eventually(() => shipping.shipmentsOf(orderId), allLabelled(2));
    expect(shipments.map((shipment) => shipment.lines)).toEqual([[{ lineNo: 1, sku: 'MUG', quantity: 1 }], [{ lineNo: 1, sku: 'MUG', quantity: 2 }]]);
  });

  it('plans the shipment even when the reservation arrives before the order', async () => {
    const orderId = randomUUID();
    await shipping.publish(upstream.reserved(orderId, [[1, 'MUG', 'BER', 1]]));
    await shipping.publish(upstream.placed(orderId, [[1, 'MUG', 1]]));
    const [shipment] = await eventually(() => shipping.shipmentsOf(orderId), allLabelled(1));
    expect(shipment.lines).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 1 }]);
  });

  it('cancels undispatched shipments when the order is cancelled, and refuses to dispatch them', async () => {
    const orderId = randomUUID();
    await shipping.publish(upstream.placed(orderId, [[1, 'MUG', 1]]), upstream.reserved(orderId, [[1, 'MUG', 'BER', 1]]));
    const [shipment] = await eventually(() => shipping.shipmentsOf(orderId), allLabelled(1));

    await shipping.publish(upstream.cancelled(orderId, [[1, 'MUG', 1]]), upstream.released(orderId, 'cancelled', [[1, 'MUG', 'BER', 1]]));
    const [cancelled] = await eventually(() => shipping.shipmentsOf(orderId), ([only]) => only?.status === 'CANCELLED');
    expect(cancelled).toMatchObject({ id: shipment.id, cancelReason: 'cancelled' });

    const dispatch = await shipping.call<{ message: string }>('POST', `/v1/shipments/${shipment.id}/dispatch`);
    expect(dispatch.status).toBe(409);
    expect(dispatch.body.message).toContain('CANCELLED');

    const events = await shipping.shipmentEvents(orderId, (types) => types.includes('ShipmentCancelled'));
    const event = events.find((candidate): candidate is ShipmentCancelled => candidate.eventType === 'ShipmentCancelled')!;
    expect(event).toMatchObject({ shipmentId: shipment.id, warehouse: 'BER', reason: 'cancelled', lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] });
    expect(await shipping.shipmentsOf(orderId)).toHaveLength(1);
  });

  it('re-plans a warehouse when an amendment releases part of its reservation', async () => {
    const orderId = randomUUID();
    await shipping.publish(upstream.placed(orderId, [[1, 'MUG', 3]]), upstream.reserved(orderId, [[1, 'MUG', 'BER', 3]]));
    const [first] = await eventually(() => shipping.shipmentsOf(orderId), allLabelled(1));

    await shipping.publish(upstream.amended(orderId, [[1, 'MUG', 2]]), upstream.released(orderId, 'amended', [[1, 'MUG', 'BER', 1]]));
    const [old, replanned] = await eventually(
      () => shipping.shipmentsOf(orderId),
      (shipments) => shipments.length === 2 && shipments[1].status === 'LABELLED',
    );
    expect(old).toMatchObject({ id: first.id, status: 'CANCELLED', cancelReason: 'amended' });
    expect(replanned.lines).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
  });

  it('records failed delivery attempts and returned, lost or damaged shipments, each with ShipmentException', async () => {
    const orderId = randomUUID();
    await shipping.publish(
      upstream.placed(orderId, [
        [1, 'MUG', 1],
        [2, 'TEA', 1],
        [3, 'PEN', 1],
      ]),
      upstream.reserved(orderId, [
        [1, 'MUG', 'BER', 1],
        [2, 'TEA', 'HAM', 1],
        [3, 'PEN', 'MUC', 1],
      ]),
    );
    const [ber, ham, muc] = await eventually(() => shipping.shipmentsOf(orderId), allLabelled(3));
    const early = await shipping.carrierEvent<{ message: string }>({ trackingNumber: ber.trackingNumber, status: 'LOST' });
    expect(early).toMatchObject({ status: 409, body: { message: `Shipment ${ber.id} (tracking ${ber.trackingNumber}) is LABELLED, not dispatched: it cannot be reported LOST` } });
    for (const shipment of [ber, ham, muc]) expect((await shipping.call('POST', `/v1/shipments/${shipment.id}/dispatch`)).status).toBe(200);

    const first = await shipping.carrierEvent<ShipmentView>({ trackingNumber: ber.trackingNumber, status: 'FAILED_ATTEMPT', detail: 'nobody at home' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'DISPATCHED', deliveryAttempts: 1, lastAttemptDetail: 'nobody at home' });
    const second = await shipping.carrierEvent<ShipmentView>({ trackingNumber: ber.trackingNumber, status: 'FAILED_ATTEMPT' });
    expect(second.body).toMatchObject({ status: 'DISPATCHED', deliveryAttempts: 2, lastAttemptDetail: null });
    expect(second.body.lastAttemptAt).toBeTruthy();
    const returned = await shipping.carrierEvent<ShipmentView>({ trackingNumber: ber.trackingNumber, status: 'RETURNED_TO_SENDER', detail: 'not collected' });
    expect(returned.body).toMatchObject({ status: 'RETURNED_TO_SENDER', deliveryAttempts: 2, exceptionDetail: 'not collected', deliveredAt: null });
    expect(returned.body.exceptionAt).toBeTruthy();

    const lost = await shipping.carrierEvent<ShipmentView>({ trackingNumber: ham.trackingNumber, status: 'LOST' });
    expect(lost).toMatchObject({ status: 200, body: { status: 'LOST', exceptionDetail: null } });
    // The parcel turns up: delivered after all.
    const found = await shipping.carrierEvent<ShipmentView>({ trackingNumber: ham.trackingNumber, status: 'DELIVERED' });
    expect(found).toMatchObject({ status: 200, body: { status: 'DELIVERED' } });

    const damage = { trackingNumber: muc.trackingNumber, status: 'DAMAGED', detail: 'crushed' };
    const sentAt = Math.floor(Date.now() / 1000);
    const damaged = await shipping.carrierEvent<ShipmentView>(signCarrierEvent(damage, { timestamp: sentAt }));
    expect(damaged).toMatchObject({ status: 200, body: { status: 'DAMAGED', exceptionDetail: 'crushed' } });
    // Reported again, signed anew: the same view, nothing published; a delivery of a damaged parcel is refused.
    expect(await shipping.carrierEvent<ShipmentView>(signCarrierEvent(damage, { timestamp: sentAt + 1 }))).toEqual(damaged);
    const delivered = await shipping.carrierEvent<{ message: string }>({ trackingNumber: muc.trackingNumber, status: 'DELIVERED' });
    expect(delivered).toMatchObject({ status: 409, body: { message: `Shipment ${muc.id} (tracking ${muc.trackingNumber}) is already DAMAGED: it cannot be delivered` } });
    expect((await shipping.call<ShipmentView>('GET', `/v1/shipments/${muc.id}`)).body).toEqual(damaged.body);

    const events = await shipping.shipmentEvents(orderId, (types) => count(types, 'ShipmentException') === 5 && count(types, 'ShipmentDelivered') === 1);
    const exceptions = events.filter((event): event is ShipmentException => event.eventType === 'ShipmentException');
    expect(exceptions.map(({ shipmentId, kind, attempt, detail }) => ({ shipmentId, kind, attempt, detail }))).toEqual([
      { shipmentId: ber.id, kind: 'FAILED_ATTEMPT', attempt: 1, detail: 'nobody at home' },
      { shipmentId: ber.id, kind: 'FAILED_ATTEMPT', attempt: 2, detail: null },
      { shipmentId: ber.id, kind: 'RETURNED_TO_SENDER', attempt: 2, detail: 'not collected' },
      { shipmentId: ham.id, kind: 'LOST', attempt: 0, detail: null },
      { shipmentId: muc.id, kind: 'DAMAGED', attempt: 0, detail: 'crushed' },
    ]);
    expect(exceptions[2]).toMatchObject({ orderId, trackingNumber: ber.trackingNumber, aggregateId: ber.id, aggregateVersion: 6, correlationId: orderId });
    expect(events.find((event) => event.eventType === 'ShipmentDelivered')).toMatchObject({ shipmentId: ham.id });
  });

  it('answers 4xx with a reason for unknown or malformed ids and bodies', async () => {
    const unknown = randomUUID();
    const notFound = await shipping.call<{ message: string }>('GET', `/v1/shipments/${unknown}`);
    expect(notFound).toMatchObject({ status: 404, body: { message: `Shipment ${unknown} not found` } });
    expect((await shipping.call('POST', `/v1/shipments/${unknown}/dispatch`)).status).toBe(404);
    expect(await shipping.call('GET', '/v1/shipments/not-a-uuid')).toMatchObject({ status: 400, body: { message: 'shipment id must be a UUID' } });
    expect(await shipping.call('GET', '/v1/shipments?orderId=42')).toMatchObject({ status: 400 });
    const unknownTracking = await shipping.carrierEvent<{ message: string }>({ trackingNumber: 'LC0000', status: 'DELIVERED' });
    expect(unknownTracking).toMatchObject({ status: 404, body: { message: 'No shipment has tracking number LC0000' } });
    const badStatus = await shipping.carrierEvent<{ message: string[] }>({ trackingNumber: 'LC0000', status: 'STOLEN' });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message).toContain('status must be one of IN_TRANSIT, DELIVERED, FAILED_ATTEMPT, RETURNED_TO_SENDER, LOST, DAMAGED');
    const longDetail = await shipping.carrierEvent<{ message: string[] }>({ trackingNumber: 'LC0000', status: 'LOST', detail: 'x'.repeat(501) });
    expect(longDetail.status).toBe(400);
    expect(longDetail.body.message).toContain('detail must be at most 500 characters');
  });

  it('documents every endpoint in the OpenAPI document', async () => {
    const { body } = await shipping.call<{ paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([
      '/v1/carrier/events',
      '/v1/returns',
      '/v1/returns/{id}',
      '/v1/returns/{id}/receive',
      '/v1/shipments',
      '/v1/shipments/{id}',
      '/v1/shipments/{id}/dispatch',
      '/v1/shipments/{id}/retry-label',
    ]));
  });
});

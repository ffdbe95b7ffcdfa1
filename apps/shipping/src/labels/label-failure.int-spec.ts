import type { ShipmentLabelFailed, ShipmentLabelled } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { ShipmentView } from '../shipments/dto/shipment-view.dto';
import { ShippingUnderTest, upstream } from '../testing/shipping-under-test';

describe('label failures (real Kafka, registry, Postgres)', () => {
  const shipping = new ShippingUnderTest();

  beforeAll(() => shipping.start({ LOCAL_CARRIER_FAILURE_RATE: '1', LABEL_MAX_ATTEMPTS: '3', LABEL_RETRY_BASE_MS: '50' }));
  afterAll(() => shipping.stop());

  it('retries with backoff, then shows LABEL_FAILED and publishes ShipmentLabelFailed; retry-label recovers it', async () => {
    const orderId = randomUUID();
    await shipping.publish(upstream.placed(orderId, [[1, 'MUG', 1]]), upstream.reserved(orderId, [[1, 'MUG', 'BER', 1]]));
    const [failed] = await eventually(() => shipping.shipmentsOf(orderId), ([only]) => only?.status === 'LABEL_FAILED');
    expect(failed).toMatchObject({ labelAttempts: 3, carrier: null, trackingNumber: null, nextLabelAttemptAt: null });
    expect(failed.lastLabelError).toContain('local carrier refused the label');

    const [event] = (await shipping.shipmentEvents(orderId, (types) => types.includes('ShipmentLabelFailed'))).filter(
      (candidate): candidate is ShipmentLabelFailed => candidate.eventType === 'ShipmentLabelFailed',
    );
    expect(event).toMatchObject({ shipmentId: failed.id, attempts: 3, aggregateVersion: 2, correlationId: orderId });
    expect(event.reason).toContain('local carrier refused the label');
    // Two attempts retried, the third refused for good: what the alert LabelsFailing counts.
    const metrics = await shipping.metrics();
    expect(metrics).toMatch(/^tradeflow_label_attempts_total\{outcome="retrying"[^}]*\} 2$/m);
    expect(metrics).toMatch(/^tradeflow_label_attempts_total\{outcome="failed"[^}]*\} 1$/m);
    expect(metrics).toMatch(/^tradeflow_label_attempts_total\{outcome="labelled"[^}]*\} 0$/m);

    const notYet = await shipping.call<{ message: string }>('POST', `/v1/shipments/${failed.id}/dispatch`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.message).toContain('retry-label');

    // The carrier recovers: the service is redeployed with the failure rate at 0, same database.
    await shipping.restart({ LOCAL_CARRIER_FAILURE_RATE: '0' });
    const retried = await shipping.call<ShipmentView>('POST', `/v1/shipments/${failed.id}/retry-label`, undefined, 'ops');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'LABEL_PENDING', labelAttempts: 0 });
    expect(await shipping.auditOf(failed.id)).toEqual([
      expect.objectContaining({ action: 'retry-label', targets: { id: failed.id }, actorSubject: 'ops', actorRoles: ['ops'] }),
    ]);

    const labelled = await eventually(
      async () => (await shipping.call<ShipmentView>('GET', `/v1/shipments/${failed.id}`)).body,
      (shipment) => shipment.status === 'LABELLED',
    );
    expect(labelled).toMatchObject({ labelAttempts: 1, carrier: 'local' });
    const again = await shipping.call<{ message: string }>('POST', `/v1/shipments/${failed.id}/retry-label`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('only a LABEL_FAILED shipment can retry its label');

    const events = await shipping.shipmentEvents(orderId, (types) => types.includes('ShipmentLabelled'));
    const label = events.find((candidate): candidate is ShipmentLabelled => candidate.eventType === 'ShipmentLabelled')!;
    expect(label).toMatchObject({ shipmentId: failed.id, trackingNumber: labelled.trackingNumber, aggregateVersion: 3 });
    expect((await shipping.call('POST', `/v1/shipments/${failed.id}/dispatch`)).status).toBe(200);
  });
});

import type { DomainEvent } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import type { DevClient } from '@tradeflow/testing';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '@tradeflow/platform';
import { CrmSyncUnderTest } from '../testing/crm-sync-under-test';
import { ACTIVITY_ID_HEADER } from './crm-activity-client';

const ACTIVITY_SECRET = 'integration-test-activity-secret-9876543210';

interface Received {
  activityId: string;
  orderId: string;
  signatureValid: boolean;
  answered: number;
}

/** The CRM's end: verifies each signature and answers 500 while an order's failures last. */
class FakeCrm {
  readonly received: Received[] = [];
  readonly failuresLeft = new Map<string, number>();
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const verification = verifyWebhook(
        { timestamp: request.headers[TIMESTAMP_HEADER] as string, signature: request.headers[SIGNATURE_HEADER] as string, body },
        { secrets: [ACTIVITY_SECRET], toleranceSeconds: 300, nowMs: Date.now() },
      );
      const message = JSON.parse(body.toString()) as { activityId: string; orderId: string };
      const left = this.failuresLeft.get(message.orderId) ?? 0;
      this.failuresLeft.set(message.orderId, left - 1);
      const status = !verification.valid ? 401 : left > 0 ? 500 : 200;
      this.received.push({
        activityId: request.headers[ACTIVITY_ID_HEADER] as string,
        orderId: message.orderId,
        signatureValid: verification.valid,
        answered: status,
      });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 500 ? 'CRM is having a bad day' : 'ok');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/activity`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function orderPlaced(customerId: string): DomainEvent {
  const orderId = randomUUID();
  return createEvent(
    'OrderPlaced',
    {
      orderId,
      channel: 'web',
      channelOrderNumber: null,
      customerId,
      currency: 'EUR',
      allowPartialShipment: false,
      shippingAddress: { name: 'Ada', line1: 'Main 1', line2: null, city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
      lines: [{ lineNo: 1, sku: 'MUG', quantity: 1, unitPriceMinor: 1500, taxRateBp: 1900 }],
    },
    { producer: 'order', aggregateId: orderId, aggregateVersion: 1, correlationId: orderId },
  );
}

interface ActivityState {
  id: string;
  orderId: string;
  delivery: { status: string; attempts: number; lastError: string | null };
}

describe('crm-sync delivering activity to the CRM (real Kafka, registry, Postgres, local HTTP receiver)', () => {
  const fakeCrm = new FakeCrm();
  let crm: CrmSyncUnderTest;

  beforeAll(async () => {
    crm = await new CrmSyncUnderTest().start({
      CRM_ACTIVITY_URL: await fakeCrm.start(),
      CRM_ACTIVITY_SECRET: ACTIVITY_SECRET,
      CRM_ACTIVITY_MAX_ATTEMPTS: '3',
      CRM_ACTIVITY_RETRY_BASE_MS: '50',
      CRM_ACTIVITY_POLL_INTERVAL_MS: '50',
    });
  });
  afterAll(async () => {
    await crm?.stop();
    await fakeCrm.stop();
  });

  const activityOf = async (orderId: string) => {
    const list = (await crm.call('GET', `/v1/crm/activities?customerId=DLV-1`, undefined, 'ops')).body as ActivityState[];
    return list.find((activity) => activity.orderId === orderId);
  };
  const publish = (event: DomainEvent) => crm.kafka.publish([event], () => event.aggregateId);
  /** `tradeflow_crm_activity_deliveries_total` by outcome, from the service's /metrics. */
  const deliveries = async () => {
    const text = await crm.metrics();
    const count = (outcome: string) => Number(new RegExp(`^tradeflow_crm_activity_deliveries_total\\{outcome="${outcome}"[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1]);
    return { delivered: count('delivered'), retrying: count('retrying'), dead: count('dead') };
  };

  it('delivers signed activity, retrying after the CRM answered 500 twice', async () => {
    const placed = orderPlaced('DLV-1');
    fakeCrm.failuresLeft.set(placed.aggregateId, 2);
    await publish(placed);

    const delivered = await eventually(() => activityOf(placed.aggregateId), (activity) => activity?.delivery.status === 'DELIVERED');
    expect(delivered?.delivery).toMatchObject({ attempts: 3, lastError: 'HTTP 500: CRM is having a bad day' });
    const calls = fakeCrm.received.filter((call) => call.orderId === placed.aggregateId);
    expect(calls.map((call) => call.answered)).toEqual([500, 500, 200]);
    expect(calls.every((call) => call.signatureValid && call.activityId === delivered?.id)).toBe(true);
    expect(await deliveries()).toEqual({ delivered: 1, retrying: 2, dead: 0 });
  });

  it('marks activity DEAD after the last attempt, and delivers it when retried', async () => {
    const placed = orderPlaced('DLV-1');
    fakeCrm.failuresLeft.set(placed.aggregateId, 1000);
    await publish(placed);

    const dead = await eventually(() => activityOf(placed.aggregateId), (activity) => activity?.delivery.status === 'DEAD');
    expect(dead?.delivery).toMatchObject({ attempts: 3, lastError: 'HTTP 500: CRM is having a bad day' });
    expect(await deliveries()).toEqual({ delivered: 1, retrying: 4, dead: 1 });
    expect((await crm.call('GET', `/v1/crm/activities?status=DEAD`, undefined, 'auditor')).body).toEqual([
      expect.objectContaining({ id: dead?.id }),
    ]);

    fakeCrm.failuresLeft.set(placed.aggregateId, 0);
    const retry = (as: DevClient) => crm.call('POST', `/v1/crm/activities/${dead?.id}/retry`, undefined, as);
    expect((await retry('finance')).status).toBe(403);
    const retried = await retry('ops');
    expect(retried.status).toBe(200);
    expect(retried.body.delivery).toMatchObject({ status: 'PENDING', attempts: 0 });
    await eventually(() => activityOf(placed.aggregateId), (activity) => activity?.delivery.status === 'DELIVERED');
    expect((await retry('ops')).status).toBe(409);

    const audit = await crm.call('GET', `/v1/audit?action=retry-activity`, undefined, 'ops');
    expect(audit.body.records).toEqual([expect.objectContaining({ targetId: dead?.id, actorClient: 'ops', reason: null })]);
  });
});

import type { DomainEvent, EventPayload, EventType } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { CrmSyncUnderTest, signedRequest } from '../testing/crm-sync-under-test';

const PRODUCERS = { Order: 'order', Shipment: 'shipping', Invoice: 'invoicing', Payment: 'invoicing', Credit: 'invoicing' } as const;

function event<T extends EventType>(type: T, payload: EventPayload<T> & { orderId: string }): DomainEvent {
  const producer = Object.entries(PRODUCERS).find(([prefix]) => type.startsWith(prefix))![1];
  return createEvent(type, payload, { producer, aggregateId: payload.orderId, aggregateVersion: 1, correlationId: payload.orderId });
}

function orderPlaced(orderId: string, customerId: string): DomainEvent {
  return event('OrderPlaced', {
    orderId,
    channel: 'web',
    channelOrderNumber: null,
    customerId,
    currency: 'EUR',
    allowPartialShipment: false,
    shippingAddress: { name: 'Ada', line1: 'Main 1', line2: null, city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
    lines: [{ lineNo: 1, sku: 'MUG', quantity: 10, unitPriceMinor: 1500, taxRateBp: 1900 }],
  });
}

function invoiceIssued(orderId: string, customerId: string, invoiceId: string, totalMinor: number): DomainEvent {
  return event('InvoiceIssued', {
    invoiceId,
    invoiceNumber: `INV-${invoiceId}`,
    shipmentId: randomUUID(),
    orderId,
    customerId,
    currency: 'EUR',
    dueDate: '2026-03-01',
    lines: [],
    netMinor: totalMinor,
    taxMinor: 0,
    totalMinor,
  });
}

describe('crm-sync activity without a CRM URL (real Kafka, registry, Postgres)', () => {
  let crm: CrmSyncUnderTest;

  beforeAll(async () => {
    crm = await new CrmSyncUnderTest().start();
    for (const customerId of ['ACT-1', 'ACT-2']) {
      const body = { customerId, name: customerId, status: 'ACTIVE', currency: 'EUR', paymentTermsDays: 30 };
      const signed = signedRequest(JSON.stringify({ ...body, updatedAt: '2026-01-01T00:00:00Z' }));
      expect((await crm.postWebhook(signed)).status).toBe(200);
    }
  });
  afterAll(() => crm?.stop());

  const activitiesOf = async (customerId: string) =>
    (await crm.call('GET', `/v1/crm/activities?customerId=${customerId}`, undefined, 'finance')).body as {
      id: string;
      type: string;
      customerId: string | null;
      sourceCustomerId: string | null;
      delivery: { status: string };
    }[];

  it('keeps one activity per event, the shipment attributed through its order, and sums revenue and balance', async () => {
    const orderId = randomUUID();
    const dispatched = event('ShipmentDispatched', {
      orderId,
      shipmentId: randomUUID(),
      warehouse: 'BER',
      trackingNumber: 'TRK-1',
      lines: [{ lineNo: 1, sku: 'MUG', quantity: 10 }],
    });
    const placed = orderPlaced(orderId, 'ACT-1');
    await crm.kafka.publish([dispatched, dispatched], (record) => (record as { orderId: string }).orderId);
    await crm.kafka.publish(
      [
        placed,
        invoiceIssued(orderId, 'ACT-1', 'I1', 11900),
        invoiceIssued(orderId, 'ACT-1', 'I2', 5950),
        event('PaymentReceived', {
          paymentId: randomUUID(),
          paymentRef: 'PAY-1',
          invoiceId: 'I1',
          orderId,
          customerId: 'ACT-1',
          currency: 'EUR',
          amountMinor: 11900,
          paidMinor: 11900,
          outstandingMinor: 0,
        }),
        event('InvoicePaid', { invoiceId: 'I1', orderId, customerId: 'ACT-1', currency: 'EUR', totalMinor: 11900, paidMinor: 11900 }),
        event('CreditNoteIssued', {
          creditNoteId: randomUUID(),
          creditNoteNumber: 'CN-1',
          returnId: randomUUID(),
          orderId,
          customerId: 'ACT-1',
          currency: 'EUR',
          lines: [],
          netMinor: 1190,
          taxMinor: 0,
          totalMinor: 1190,
        }),
      ],
      (record) => (record as { orderId: string }).orderId,
    );

    const activities = await eventually(() => activitiesOf('ACT-1'), (list) => list.length === 7);
    expect(activities.map((activity) => activity.type).sort()).toEqual(
      ['CreditNoteIssued', 'InvoiceIssued', 'InvoiceIssued', 'InvoicePaid', 'OrderPlaced', 'PaymentReceived', 'ShipmentDispatched'],
    );
    expect(activities.every((activity) => activity.customerId === 'ACT-1' && activity.delivery.status === 'KEPT')).toBe(true);

    const account = await crm.call('GET', `/v1/customers/ACT-1`, undefined, 'finance');
    expect(account.body).toMatchObject({ currency: 'EUR', lifetimeRevenueMinor: 16660, openBalanceMinor: 4760 });
    expect(account.body.totals).toEqual([
      {
        currency: 'EUR',
        invoicedMinor: 17850,
        creditedMinor: 1190,
        paidMinor: 11900,
        lifetimeRevenueMinor: 16660,
        openBalanceMinor: 4760,
      },
    ]);
    const [kept] = activities;
    expect((await crm.call('POST', `/v1/crm/activities/${kept.id}/retry`, undefined, 'ops')).status).toBe(409);
  });

  it("counts a merged customer's activity and revenue for the survivor, before and after the merge", async () => {
    const before = randomUUID();
    await crm.kafka.publish([orderPlaced(before, 'ACT-2'), invoiceIssued(before, 'ACT-2', 'I3', 1000)], () => before);
    await eventually(() => activitiesOf('ACT-2'), (list) => list.length === 2);

    const merge = { mergedCustomerId: 'ACT-2', reason: 'One company' };
    expect((await crm.call('POST', `/v1/customers/ACT-1/merge`, merge, 'credit')).status).toBe(200);
    const after = randomUUID();
    await crm.kafka.publish([orderPlaced(after, 'ACT-2'), invoiceIssued(after, 'ACT-2', 'I4', 500)], () => after);

    const survivors = await eventually(() => activitiesOf('ACT-2'), (list) => list.length === 11);
    expect(survivors.every((activity) => activity.customerId === 'ACT-1')).toBe(true);
    expect(survivors.filter((activity) => activity.sourceCustomerId === 'ACT-2')).toHaveLength(4);
    const account = await crm.call('GET', `/v1/customers/ACT-2`, undefined, 'credit');
    expect(account.body).toMatchObject({
      customerId: 'ACT-1',
      resolvedFrom: { customerId: 'ACT-2' },
      lifetimeRevenueMinor: 16660 + 1500,
      openBalanceMinor: 4760 + 1500,
    });
  });
});

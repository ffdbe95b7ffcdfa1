import type { DomainEvent, EventPayload, EventType } from '@tradeflow/events';
import { createEvent, producerOf } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/service';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { OrderUnderTest, SHOP_KEY as API_KEY } from './testing/order-under-test';

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

type OrderEvent = DomainEvent & { orderId: string };

describe('order amend, cancel, return and status walk (real Kafka, registry, Postgres)', () => {
  const underTest = new OrderUnderTest();
  const { kafka } = underTest;
  let order: RunningService;

  beforeAll(async () => {
    order = (await underTest.start()).service;
    // Order lines name products the product master announced.
    await underTest.products(['MUG', 'TEA', 'SPOON']);
    // Orders are approved only for customers the CRM announced: CUST-1 arrives, and a first order shows it did.
    const record = { name: 'Ada', email: null, taxId: null, status: 'ACTIVE', creditLimitMinor: null, currency: 'EUR', paymentTermsDays: 30 };
    const upserted = createEvent('CustomerUpserted', { customerId: 'CUST-1', ...record, updatedAt: Date.now() }, {
      producer: 'crm-sync',
      aggregateId: 'CUST-1',
      aggregateVersion: 1,
      correlationId: 'CUST-1',
    });
    await kafka.publish([upserted], () => 'CUST-1');
    await waitFor(await place([{ sku: 'MUG', quantity: 1 }]), (view) => view.status === 'APPROVED');
  });
  afterAll(() => underTest.stop());

  async function call(method: string, path: string, body?: unknown, idempotencyKey: string = randomUUID()) {
    const response = await fetch(`${order.url}/v1/orders${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, 'idempotency-key': idempotencyKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function place(lines: { sku: string; quantity: number; unitPriceMinor?: number }[]): Promise<string> {
    const placed = await call('POST', '', {
      customerId: 'CUST-1',
      currency: 'EUR',
      shippingAddress: ADDRESS,
      lines: lines.map((line) => ({ unitPriceMinor: 500, taxRateBp: 1900, ...line })),
    });
    expect(placed.status).toBe(201);
    return placed.body.id;
  }

  const get = async (orderId: string) => (await call('GET', `/${orderId}`)).body;
  const waitFor = (orderId: string, accept: (view: any) => boolean) => eventually(() => get(orderId), accept);

  /** Publishes what another service would, keyed by order like its producer does. */
  async function report<T extends EventType>(type: T, payload: EventPayload<T> & { orderId: string }): Promise<void> {
    const producer = producerOf(type);
    const event = createEvent(type, payload, { producer, aggregateId: payload.orderId, aggregateVersion: 1, correlationId: payload.orderId });
    await kafka.publish([event], () => payload.orderId);
  }

  const reserveAll = (orderId: string, lines: { lineNo: number; sku: string; quantity: number }[]) =>
    report('StockReserved', { orderId, allocations: lines.map((line) => ({ ...line, warehouse: 'BER' })) });

  async function dispatch(orderId: string, lines: { lineNo: number; sku: string; quantity: number }[]): Promise<string> {
    const shipmentId = randomUUID();
    await report('ShipmentDispatched', { orderId, shipmentId, warehouse: 'BER', trackingNumber: `TRK-${shipmentId.slice(0, 8)}`, lines });
    return shipmentId;
  }

  /** The order's own events, read from its topic until `done` is satisfied by their types. */
  async function publishedFor(orderId: string, done: (types: string[]) => boolean): Promise<OrderEvent[]> {
    const typesOf = (records: { key: string | null; headers: Record<string, unknown> }[]) =>
      records.filter((record) => record.key === orderId).map((record) => String(record.headers['event-type']));
    const records = await kafka.readUntil('tradeflow.orders.v1', (all) => done(typesOf(all)));
    const mine = records.filter((record) => record.key === orderId);
    return (await Promise.all(mine.map((record) => kafka.codec.decode(record.value)))) as OrderEvent[];
  }

  const ofType = <T extends EventType>(events: OrderEvent[], type: T) => events.filter((event) => event.eventType === type) as (OrderEvent &
    EventPayload<T>)[];

  describe('amend', () => {
    it('changes, removes and adds lines → OrderAmended with the whole line list; a retry answers the same once', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 2 }, { sku: 'TEA', quantity: 1, unitPriceMinor: 300 }]);
      const key = randomUUID();
      const amendment = { lines: [{ lineNo: 1, quantity: 3 }, { lineNo: 2, quantity: 0 }, { sku: 'SPOON', quantity: 4, unitPriceMinor: 100, taxRateBp: 700 }] };

      const amended = await call('PATCH', `/${orderId}`, amendment, key);
      expect(amended.status).toBe(200);
      expect(amended.body.lines.map((line: any) => [line.lineNo, line.sku, line.ordered])).toEqual([
        [1, 'MUG', 3],
        [2, 'TEA', 0],
        [3, 'SPOON', 4],
      ]);
      expect(amended.body.timeline.at(-1)).toMatchObject({ event: 'OrderAmended', status: 'APPROVED' });
      const retry = await call('PATCH', `/${orderId}`, amendment, key);
      expect(retry).toEqual(amended);

      await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 1, quantity: 1 }] }); // a marker after the retry
      const events = await publishedFor(orderId, (types) => types.filter((type) => type === 'OrderAmended').length >= 2);
      const [first] = ofType(events, 'OrderAmended');
      expect(ofType(events, 'OrderAmended')).toHaveLength(2);
      expect(first.aggregateVersion).toBe(3);
      expect(first.lines).toEqual([
        { lineNo: 1, sku: 'MUG', quantity: 3, unitPriceMinor: 500, taxRateBp: 1900 },
        { lineNo: 2, sku: 'TEA', quantity: 0, unitPriceMinor: 300, taxRateBp: 1900 },
        { lineNo: 3, sku: 'SPOON', quantity: 4, unitPriceMinor: 100, taxRateBp: 700 },
      ]);
    });

    it('refuses an unknown line (422) and a quantity below what shipped (409), and still changes the others', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 2 }, { sku: 'TEA', quantity: 1 }]);
      expect((await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 9, quantity: 1 }] })).status).toBe(422);

      await reserveAll(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 2 }, { lineNo: 2, sku: 'TEA', quantity: 1 }]);
      await dispatch(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 1 }]);
      await waitFor(orderId, (view) => view.status === 'PARTIALLY_SHIPPED');

      const refused = await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 1, quantity: 0 }] });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe('line 1 has 1 of 2 shipped; its quantity cannot go below 1');
      const allowed = await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 2, quantity: 2 }] });
      expect(allowed.status).toBe(200);
      expect(allowed.body.lines[1]).toMatchObject({ ordered: 2, reserved: 1 });
    });

    it('reduces a partly shipped line to what shipped → OrderAmended; the line counts as shipped, and the order completes', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 5 }, { sku: 'TEA', quantity: 1 }]);
      await report('StockReserved', {
        orderId,
        allocations: [
          { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 3 },
          { lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 2 },
          { lineNo: 2, sku: 'TEA', warehouse: 'BER', quantity: 1 },
        ],
      });
      const shipmentId = await dispatch(orderId, [
        { lineNo: 1, sku: 'MUG', quantity: 3 },
        { lineNo: 2, sku: 'TEA', quantity: 1 },
      ]);
      await waitFor(orderId, (view) => view.status === 'PARTIALLY_SHIPPED');

      const below = await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 1, quantity: 2 }] });
      expect(below.status).toBe(409);
      expect(below.body.message).toBe('line 1 has 3 of 5 shipped; its quantity cannot go below 3');
      const reduced = await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 1, quantity: 3 }] });
      expect(reduced.status).toBe(200);
      expect(reduced.body.lines[0]).toMatchObject({ ordered: 3, shipped: 3, reserved: 5 });
      expect(reduced.body.status).toBe('SHIPPED');
      expect(reduced.body.timeline.at(-1)).toMatchObject({ event: 'OrderAmended', status: 'SHIPPED', detail: 'line 1: 5 → 3' });
      const events = await publishedFor(orderId, (types) => types.includes('OrderAmended'));
      expect(ofType(events, 'OrderAmended')[0].lines).toEqual([
        { lineNo: 1, sku: 'MUG', quantity: 3, unitPriceMinor: 500, taxRateBp: 1900 },
        { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 500, taxRateBp: 1900 },
      ]);

      // What inventory and the others answer: the rest released, the shipment delivered, invoiced and paid.
      await report('StockReleased', { orderId, reason: 'amended', allocations: [{ lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 2 }], backorders: [] });
      await waitFor(orderId, (view) => view.lines[0].reserved === 3);
      await report('ShipmentDelivered', { orderId, shipmentId, trackingNumber: 'TRK' });
      await waitFor(orderId, (view) => view.status === 'DELIVERED');
      const invoiceId = randomUUID();
      const money = { customerId: 'CUST-1', currency: 'EUR' };
      const priced = { unitPriceMinor: 500, taxRateBp: 1900 };
      await report('InvoiceIssued', {
        invoiceId,
        invoiceNumber: 'INV-000002',
        shipmentId,
        orderId,
        ...money,
        dueDate: '2030-01-31',
        lines: [
          { lineNo: 1, sku: 'MUG', quantity: 3, ...priced, netMinor: 1500, taxMinor: 285 },
          { lineNo: 2, sku: 'TEA', quantity: 1, ...priced, netMinor: 500, taxMinor: 95 },
        ],
        netMinor: 2000,
        taxMinor: 380,
        totalMinor: 2380,
      });
      await report('InvoicePaid', { invoiceId, orderId, ...money, totalMinor: 2380, paidMinor: 2380 });
      const completed = await waitFor(orderId, (view) => view.status === 'COMPLETED');
      expect(completed.lines[0]).toMatchObject({ ordered: 3, reserved: 3, shipped: 3, invoiced: 3 });
    });
  });

  describe('cancel', () => {
    it('before dispatch cancels everything → OrderCancelled; then nothing is left to cancel or amend (409)', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 2 }, { sku: 'TEA', quantity: 1 }]);
      await reserveAll(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
      await waitFor(orderId, (view) => view.status === 'PARTIALLY_RESERVED');

      const cancelled = await call('POST', `/${orderId}/cancel`, { reason: 'customer changed their mind' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('CANCELLED');
      expect(cancelled.body.lines.map((line: any) => line.cancelled)).toEqual([2, 1]);
      expect((await call('POST', `/${orderId}/cancel`, { reason: 'again' })).status).toBe(409);
      expect((await call('PATCH', `/${orderId}`, { lines: [{ lineNo: 1, quantity: 1 }] })).status).toBe(409);

      const events = await publishedFor(orderId, (types) => types.includes('OrderCancelled'));
      expect(ofType(events, 'OrderCancelled')[0]).toMatchObject({
        reason: 'customer changed their mind',
        lines: [
          { lineNo: 1, sku: 'MUG', quantity: 2 },
          { lineNo: 2, sku: 'TEA', quantity: 1 },
        ],
      });

      await report('StockReleased', { orderId, reason: 'cancelled', allocations: [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }], backorders: [] });
      const released = await waitFor(orderId, (view) => view.lines[0].reserved === 0);
      expect(released.status).toBe('CANCELLED');
    });

    it('after a partial dispatch cancels the rest (ordered − shipped) and the shipped part goes on', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 5 }, { sku: 'TEA', quantity: 2 }]);
      await reserveAll(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 5 }, { lineNo: 2, sku: 'TEA', quantity: 2 }]);
      const shipmentId = await dispatch(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
      await waitFor(orderId, (view) => view.lines[0].shipped === 2);

      const cancelled = await call('POST', `/${orderId}/cancel`, { reason: 'too slow' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('SHIPPED');
      expect(cancelled.body.lines.map((line: any) => [line.ordered, line.shipped, line.cancelled])).toEqual([
        [5, 2, 3],
        [2, 0, 2],
      ]);
      const events = await publishedFor(orderId, (types) => types.includes('OrderCancelled'));
      expect(ofType(events, 'OrderCancelled')[0].lines).toEqual([
        { lineNo: 1, sku: 'MUG', quantity: 3 },
        { lineNo: 2, sku: 'TEA', quantity: 2 },
      ]);

      await report('ShipmentDelivered', { orderId, shipmentId, trackingNumber: 'TRK' });
      await waitFor(orderId, (view) => view.status === 'DELIVERED');
    });
  });

  describe('returns', () => {
    it('accepts up to shipped − already requested → ReturnRequested{returnId}; then follows receipt and credit', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 3 }]);
      await reserveAll(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 3 }]);
      await dispatch(orderId, [{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
      await waitFor(orderId, (view) => view.lines[0].shipped === 2);

      const tooMany = await call('POST', `/${orderId}/returns`, { lines: [{ lineNo: 1, quantity: 3 }] });
      expect(tooMany.status).toBe(409);
      expect(tooMany.body.message).toContain('only 2 returnable');
      const accepted = await call('POST', `/${orderId}/returns`, { lines: [{ lineNo: 1, quantity: 2 }] });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ orderId, status: 'REQUESTED', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] });
      const { returnId } = accepted.body;
      expect((await call('POST', `/${orderId}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] })).status).toBe(409);

      const events = await publishedFor(orderId, (types) => types.includes('ReturnRequested'));
      expect(ofType(events, 'ReturnRequested')).toEqual([
        expect.objectContaining({ returnId, lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] }),
      ]);

      await report('ReturnReceived', { orderId, returnId, lines: [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }] });
      await report('CreditNoteIssued', {
        creditNoteId: randomUUID(),
        creditNoteNumber: 'CN-000001',
        returnId,
        orderId,
        customerId: 'CUST-1',
        currency: 'EUR',
        lines: [{ lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 500, taxRateBp: 1900, netMinor: 1000, taxMinor: 190 }],
        netMinor: 1000,
        taxMinor: 190,
        totalMinor: 1190,
      });
      const view = await waitFor(orderId, (current) => current.lines[0].returned === 2 && current.lines[0].credited === 2);
      expect(view.returns).toEqual([expect.objectContaining({ returnId, status: 'RECEIVED' })]);
    });
  });

  describe('status', () => {
    it('walks to COMPLETED from the other services’ events and says OrderCompleted exactly once', async () => {
      const orderId = await place([{ sku: 'MUG', quantity: 2 }]);
      const line = { lineNo: 1, sku: 'MUG', quantity: 2 };

      await reserveAll(orderId, [line]);
      await waitFor(orderId, (view) => view.status === 'RESERVED');
      const shipmentId = await dispatch(orderId, [line]);
      await waitFor(orderId, (view) => view.status === 'SHIPPED');

      const invoiceId = randomUUID();
      const invoiceLine = { ...line, unitPriceMinor: 500, taxRateBp: 1900, netMinor: 1000, taxMinor: 190 };
      const money = { customerId: 'CUST-1', currency: 'EUR' };
      await report('InvoiceIssued', {
        invoiceId,
        invoiceNumber: 'INV-000001',
        shipmentId,
        orderId,
        ...money,
        dueDate: '2030-01-31',
        lines: [invoiceLine],
        netMinor: 1000,
        taxMinor: 190,
        totalMinor: 1190,
      });
      const invoiced = await waitFor(orderId, (view) => view.lines[0].invoiced === 2);
      expect(invoiced.status).toBe('SHIPPED');
      expect(invoiced.invoices).toEqual([expect.objectContaining({ invoiceId, invoiceNumber: 'INV-000001', totalMinor: 1190, paid: false })]);

      await report('ShipmentDelivered', { orderId, shipmentId, trackingNumber: 'TRK' });
      await waitFor(orderId, (view) => view.status === 'DELIVERED');
      await report('InvoicePaid', { invoiceId, orderId, ...money, totalMinor: 1190, paidMinor: 1190 });
      const completed = await waitFor(orderId, (view) => view.status === 'COMPLETED');
      expect(completed.invoices[0]).toMatchObject({ paid: true, paidMinor: 1190 });
      expect(completed.timeline.map((entry: any) => `${entry.event}:${entry.status}`)).toEqual([
        'OrderPlaced:PLACED',
        'OrderApproved:APPROVED',
        'StockReserved:RESERVED',
        'ShipmentDispatched:SHIPPED',
        'InvoiceIssued:SHIPPED',
        'ShipmentDelivered:DELIVERED',
        'InvoicePaid:COMPLETED',
        'OrderCompleted:COMPLETED',
      ]);

      // Another report of the same payment changes nothing; the late payment report behind it shows it was handled.
      await report('InvoicePaid', { invoiceId, orderId, ...money, totalMinor: 1190, paidMinor: 1190 });
      const payment = { paymentId: randomUUID(), paymentRef: 'PAY-LATE', invoiceId, orderId, ...money, amountMinor: 1190 };
      await report('PaymentReceived', { ...payment, paidMinor: 1190, outstandingMinor: 0 });
      await waitFor(orderId, (view) => view.timeline.some((entry: any) => entry.event === 'PaymentReceived'));
      // A return request afterwards is a marker: every earlier event of the order is on the topic before it.
      expect((await call('POST', `/${orderId}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] })).status).toBe(201);
      const events = await publishedFor(orderId, (types) => types.includes('ReturnRequested'));
      expect(ofType(events, 'OrderCompleted')).toHaveLength(1);
      expect((await get(orderId)).status).toBe('COMPLETED');
    });
  });
});

import type { EventPayload } from './create-event';
import { createEvent } from './create-event';
import { InvalidEventError } from './errors';

const orderPlaced: EventPayload<'OrderPlaced'> = {
  orderId: 'ord-1',
  channel: 'web-shop',
  channelOrderNumber: null,
  customerId: 'cus-1',
  currency: 'EUR',
  allowPartialShipment: false,
  shippingAddress: { name: 'Ada', line1: 'Main St 1', line2: null, city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
  lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999, taxRateBp: 1900 }],
};
const meta = { producer: 'order', aggregateId: 'ord-1', aggregateVersion: 1, correlationId: 'corr-1' } as const;

describe('createEvent', () => {
  it('fills the envelope: a fresh UUID, the time, and no cause for a request', () => {
    const before = Date.now();
    const event = createEvent('OrderPlaced', orderPlaced, meta);
    expect(event).toEqual({ ...orderPlaced, ...meta, eventType: 'OrderPlaced', eventId: expect.any(String), occurredAt: expect.any(Number), causationId: null });
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.occurredAt).toBeGreaterThanOrEqual(before);
    expect(createEvent('OrderPlaced', orderPlaced, meta).eventId).not.toBe(event.eventId);
  });

  it('keeps the causation id of the event being handled', () => {
    const event = createEvent('StockReserved', { orderId: 'ord-1', allocations: [] }, { ...meta, producer: 'inventory', causationId: 'evt-9' });
    expect(event.causationId).toBe('evt-9');
  });

  it('refuses a payload that does not match the schema, naming the field', () => {
    const badLine = { ...orderPlaced.lines[0], quantity: 1.5 };
    expect(() => createEvent('OrderPlaced', { ...orderPlaced, lines: [badLine] }, meta)).toThrow(
      new InvalidEventError('Invalid OrderPlaced event', ['lines[0].quantity: expected int, got a fractional number']),
    );
  });

  it('refuses fields the schema does not declare', () => {
    const withExtra = { ...orderPlaced, discountMinor: 100 } as EventPayload<'OrderPlaced'>;
    expect(() => createEvent('OrderPlaced', withExtra, meta)).toThrow('(record): undeclared field(s) discountMinor');
  });

  it("refuses an event from a service that does not own the event's topic", () => {
    expect(() => createEvent('OrderPlaced', orderPlaced, { ...meta, producer: 'inventory' })).toThrow(
      'OrderPlaced goes to tradeflow.orders.v1, which only order publishes, not inventory',
    );
  });
});

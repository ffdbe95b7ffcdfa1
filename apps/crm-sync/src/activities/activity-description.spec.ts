import { createEvent } from '@tradeflow/events';
import { describeActivity, formatMoney } from './activity-description';

const orderId = '7d0e7a53-2d5b-4f6e-9f3f-0d6a4d1f0c11';
const meta = (producer: 'order' | 'shipping' | 'invoicing') => ({
  producer,
  aggregateId: orderId,
  aggregateVersion: 1,
  correlationId: orderId,
});

describe('describeActivity', () => {
  it('describes a placed order with its customer and net value, no account money', () => {
    const placed = createEvent(
      'OrderPlaced',
      {
        orderId,
        channel: 'web',
        channelOrderNumber: null,
        customerId: 'CUST-1',
        currency: 'EUR',
        allowPartialShipment: false,
        shippingAddress: { name: 'Ada', line1: 'Main 1', line2: null, city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
        lines: [
          { lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 1250, taxRateBp: 1900 },
          { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 500, taxRateBp: 700 },
        ],
      },
      meta('order'),
    );
    const activity = describeActivity(placed);
    expect(activity).toMatchObject({ orderId, customerId: 'CUST-1', money: null });
    expect(activity.summary).toBe('Order placed via web: 2 line(s), EUR 30.00 net');
    expect(activity.details).not.toHaveProperty('shippingAddress');
  });

  it('leaves the customer to the order for shipment events', () => {
    const dispatched = createEvent(
      'ShipmentDispatched',
      { orderId, shipmentId: 'S-1', warehouse: 'BER', trackingNumber: 'TRK1', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] },
      meta('shipping'),
    );
    expect(describeActivity(dispatched)).toMatchObject({ customerId: null, money: null, details: { shipmentId: 'S-1' } });
  });

  it('counts invoice totals, credit notes and payments as account money', () => {
    const issued = createEvent(
      'InvoiceIssued',
      {
        invoiceId: 'I-1',
        invoiceNumber: 'INV-000001',
        shipmentId: 'S-1',
        orderId,
        customerId: 'CUST-1',
        currency: 'EUR',
        dueDate: '2026-01-31',
        lines: [],
        netMinor: 2500,
        taxMinor: 475,
        totalMinor: 2975,
      },
      meta('invoicing'),
    );
    expect(describeActivity(issued)).toMatchObject({
      summary: 'Invoice INV-000001 issued: EUR 29.75',
      money: { amountMinor: 2975, currency: 'EUR' },
    });
    const paid = createEvent(
      'InvoicePaid',
      { invoiceId: 'I-1', orderId, customerId: 'CUST-1', currency: 'EUR', totalMinor: 2975, paidMinor: 2975 },
      meta('invoicing'),
    );
    expect(describeActivity(paid).money).toBeNull();
  });
});

describe('formatMoney', () => {
  it('uses the decimals of the currency', () => {
    expect(formatMoney(11900, 'EUR')).toBe('EUR 119.00');
    expect(formatMoney(500, 'JPY')).toBe('JPY 500');
  });
});

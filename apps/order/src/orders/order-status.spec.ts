import type { LineProgress, OrderProgress } from './order-status';
import { orderStatus } from './order-status';

const line = (quantity: number, progress: Partial<LineProgress> = {}): LineProgress => ({
  quantity,
  cancelled: 0,
  reserved: 0,
  backordered: 0,
  shipped: 0,
  invoiced: 0,
  ...progress,
});

const order = (lines: LineProgress[], rest: Partial<OrderProgress> = {}): OrderProgress => ({
  approval: 'APPROVED',
  lines,
  shipments: [],
  invoices: [],
  ...rest,
});

const delivered = { delivered: true };
const onTheWay = { delivered: false };
const paid = { totalMinor: 1000, paid: true };
const unpaid = { totalMinor: 1000, paid: false };

describe('orderStatus', () => {
  describe('before approval', () => {
    it('is PLACED or HELD while the customer checks say so, whatever else is known', () => {
      expect(orderStatus(order([line(2, { reserved: 2 })], { approval: 'PLACED' }))).toBe('PLACED');
      expect(orderStatus(order([line(2)], { approval: 'HELD' }))).toBe('HELD');
    });

    it('is CANCELLED when a held order is cancelled', () => {
      expect(orderStatus(order([line(2, { cancelled: 2 }), line(1, { cancelled: 1 })], { approval: 'HELD' }))).toBe('CANCELLED');
    });
  });

  describe('reservation states', () => {
    it('is APPROVED while inventory has said nothing', () => {
      expect(orderStatus(order([line(5), line(2)]))).toBe('APPROVED');
    });

    it('is BACKORDERED when everything known waits for stock', () => {
      expect(orderStatus(order([line(5, { backordered: 5 }), line(2, { backordered: 2 })]))).toBe('BACKORDERED');
    });

    it('is PARTIALLY_RESERVED while some is reserved and some waits or is not answered yet', () => {
      expect(orderStatus(order([line(5, { reserved: 3, backordered: 2 }), line(2, { reserved: 2 })]))).toBe('PARTIALLY_RESERVED');
      expect(orderStatus(order([line(5, { reserved: 5 }), line(2)]))).toBe('PARTIALLY_RESERVED');
    });

    it('is RESERVED when every line is fully reserved; a removed line (quantity 0) needs nothing', () => {
      expect(orderStatus(order([line(5, { reserved: 5 }), line(0)]))).toBe('RESERVED');
    });

    it('stays RESERVED while an amendment lowered a line and inventory has not released yet', () => {
      expect(orderStatus(order([line(3, { reserved: 5 })]))).toBe('RESERVED');
    });

    it('falls back when an amendment raises a line beyond what is reserved', () => {
      expect(orderStatus(order([line(8, { reserved: 5 })]))).toBe('PARTIALLY_RESERVED');
    });
  });

  describe('cancellation', () => {
    it('is CANCELLED when cancelled before anything shipped, even with reservations not yet released', () => {
      expect(orderStatus(order([line(5, { cancelled: 5, reserved: 5 }), line(2, { cancelled: 2 })]))).toBe('CANCELLED');
    });

    it('after a partial dispatch the shipped part goes on: SHIPPED, then DELIVERED, then COMPLETED', () => {
      const lines = [line(5, { reserved: 5, shipped: 2, cancelled: 3 }), line(2, { cancelled: 2 })];
      expect(orderStatus(order(lines, { shipments: [onTheWay] }))).toBe('SHIPPED');
      expect(orderStatus(order(lines, { shipments: [delivered] }))).toBe('DELIVERED');
      const invoicedLines = [line(5, { reserved: 5, shipped: 2, invoiced: 2, cancelled: 3 }), line(2, { cancelled: 2 })];
      expect(orderStatus(order(invoicedLines, { shipments: [delivered], invoices: [unpaid] }))).toBe('DELIVERED');
      expect(orderStatus(order(invoicedLines, { shipments: [delivered], invoices: [paid] }))).toBe('COMPLETED');
    });
  });

  describe('shipping states', () => {
    it('is PARTIALLY_SHIPPED while some non-cancelled quantity has not left', () => {
      const lines = [line(5, { reserved: 5, shipped: 5 }), line(2, { reserved: 2 })];
      expect(orderStatus(order(lines, { shipments: [delivered] }))).toBe('PARTIALLY_SHIPPED');
      expect(orderStatus(order([line(5, { reserved: 5, shipped: 3 })], { shipments: [onTheWay] }))).toBe('PARTIALLY_SHIPPED');
    });

    it('is SHIPPED when everything left but a shipment is still on its way', () => {
      const lines = [line(5, { reserved: 5, shipped: 5 }), line(2, { reserved: 2, shipped: 2 })];
      expect(orderStatus(order(lines, { shipments: [delivered, onTheWay] }))).toBe('SHIPPED');
    });

    it('counts a line amended down to what it shipped as shipped in full, before and after inventory releases the rest', () => {
      const reducedToShipped = line(3, { reserved: 5, shipped: 3 });
      expect(orderStatus(order([reducedToShipped], { shipments: [onTheWay] }))).toBe('SHIPPED');
      expect(orderStatus(order([{ ...reducedToShipped, reserved: 3 }], { shipments: [delivered] }))).toBe('DELIVERED');
    });

    it('is DELIVERED when every shipment arrived', () => {
      const lines = [line(5, { reserved: 5, shipped: 5 })];
      expect(orderStatus(order(lines, { shipments: [delivered, delivered] }))).toBe('DELIVERED');
    });
  });

  describe('completion', () => {
    const shippedAndInvoiced = [line(5, { reserved: 5, shipped: 5, invoiced: 5 }), line(2, { reserved: 2, shipped: 2, invoiced: 2 })];

    it('is COMPLETED when delivered, invoiced in full and every invoice paid', () => {
      expect(orderStatus(order(shippedAndInvoiced, { shipments: [delivered, delivered], invoices: [paid, paid] }))).toBe('COMPLETED');
    });

    it('waits for every invoice to be paid', () => {
      expect(orderStatus(order(shippedAndInvoiced, { shipments: [delivered, delivered], invoices: [paid, unpaid] }))).toBe('DELIVERED');
    });

    it('waits for invoices that have not arrived yet (invoiced < shipped)', () => {
      const halfInvoiced = [line(5, { reserved: 5, shipped: 5, invoiced: 5 }), line(2, { reserved: 2, shipped: 2 })];
      expect(orderStatus(order(halfInvoiced, { shipments: [delivered, delivered], invoices: [paid] }))).toBe('DELIVERED');
      expect(orderStatus(order([line(1, { reserved: 1, shipped: 1 })], { shipments: [delivered], invoices: [] }))).toBe('DELIVERED');
    });

    it('needs delivery even when everything is paid', () => {
      expect(orderStatus(order(shippedAndInvoiced, { shipments: [delivered, onTheWay], invoices: [paid, paid] }))).toBe('SHIPPED');
    });

    it('counts an invoice over nothing (free goods) as settled', () => {
      const free = [line(1, { reserved: 1, shipped: 1, invoiced: 1 })];
      expect(orderStatus(order(free, { shipments: [delivered], invoices: [{ totalMinor: 0, paid: false }] }))).toBe('COMPLETED');
    });
  });
});

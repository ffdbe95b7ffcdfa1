import { customerInvoices } from './customer-invoices';

const invoice = (id: string, number: string) => ({
  id,
  number,
  orderId: `order-of-${number}`,
  shipmentId: 'SHP-1',
  customerId: 'CUST-1',
  issuedAt: '2026-12-07T10:00:00.000Z',
  dueDate: '2026-12-21',
  currency: 'EUR',
  lines: [],
  totalMinor: 4637,
  paidMinor: 1000,
  outstandingMinor: 3637,
  status: 'PARTIALLY_PAID',
  payments: [],
});

describe('customerInvoices', () => {
  it('lists the page newest number first with the columns the page shows, and says when invoicing has more', () => {
    const listed = customerInvoices({ items: [invoice('a', 'INV-000002'), invoice('b', 'INV-000010'), invoice('c', 'INV-000001')], nextAfterId: 'c' });
    expect(listed.rows.map((row) => row.number)).toEqual(['INV-000010', 'INV-000002', 'INV-000001']);
    expect(listed.rows[0]).toEqual({
      id: 'b',
      number: 'INV-000010',
      orderId: 'order-of-INV-000010',
      issuedAt: '2026-12-07T10:00:00.000Z',
      dueDate: '2026-12-21',
      currency: 'EUR',
      totalMinor: 4637,
      paidMinor: 1000,
      status: 'PARTIALLY_PAID',
    });
    expect(listed.more).toBe(true);
  });

  it('is complete when invoicing has no next page', () => {
    expect(customerInvoices({ items: [], nextAfterId: null })).toEqual({ rows: [], more: false });
  });
});

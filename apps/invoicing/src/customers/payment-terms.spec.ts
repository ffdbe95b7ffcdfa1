import { invoiceDueDate } from './payment-terms';

describe('invoiceDueDate', () => {
  const issuedAt = new Date('2026-12-07T23:30:00Z');

  it("counts the customer's terms from the issue day (UTC)", () => {
    expect(invoiceDueDate(issuedAt, 14, 30)).toBe('2026-12-21');
    expect(invoiceDueDate(issuedAt, 60, 30)).toBe('2027-02-05');
  });

  it('is due on the issue day for terms of 0 days (payment in advance or on delivery)', () => {
    expect(invoiceDueDate(issuedAt, 0, 30)).toBe('2026-12-07');
  });

  it('falls back to the default terms for a customer whose terms are not known', () => {
    expect(invoiceDueDate(issuedAt, null, 30)).toBe('2027-01-06');
  });
});

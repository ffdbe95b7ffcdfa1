import { invoiceStatus, isSettled } from './invoice-status';

describe('invoiceStatus', () => {
  it.each([
    [1000, 0, 'OPEN'],
    [1000, 1, 'PARTIALLY_PAID'],
    [1000, 999, 'PARTIALLY_PAID'],
    [1000, 1000, 'PAID'],
    [1000, 1001, 'OVERPAID'],
    [0, 0, 'PAID'],
  ])('total %i, paid %i → %s', (total, paid, status) => {
    expect(invoiceStatus(total, paid)).toBe(status);
  });
});

describe('isSettled', () => {
  it('is true from the total on, and for an invoice with nothing to pay', () => {
    expect(isSettled(1000, 999)).toBe(false);
    expect(isSettled(1000, 1000)).toBe(true);
    expect(isSettled(1000, 1500)).toBe(true);
    expect(isSettled(0, 0)).toBe(true);
  });
});

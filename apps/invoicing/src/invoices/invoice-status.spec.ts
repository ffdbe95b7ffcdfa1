import { invoiceBalance } from './invoice-status';

const balance = (totalMinor: number, paidMinor: number, creditedMinor = 0) => invoiceBalance({ totalMinor, paidMinor, creditedMinor });

describe('invoiceBalance', () => {
  it.each([
    [1000, 0, 'OPEN', 1000],
    [1000, 1, 'PARTIALLY_PAID', 999],
    [1000, 999, 'PARTIALLY_PAID', 1],
    [1000, 1000, 'PAID', 0],
    [0, 0, 'PAID', 0],
  ])('total %i, paid %i → %s, %i outstanding', (total, paid, status, outstanding) => {
    expect(balance(total, paid)).toEqual({ status, settled: outstanding === 0, outstandingMinor: outstanding, creditBalanceMinor: 0 });
  });

  it('keeps an over-payment as a credit balance owed to the customer, never as a negative outstanding amount', () => {
    expect(balance(1000, 1001)).toEqual({ status: 'OVERPAID', settled: true, outstandingMinor: 0, creditBalanceMinor: 1 });
  });

  it('takes credit notes off what is outstanding, like payments', () => {
    expect(balance(100, 0, 30)).toEqual({ status: 'OPEN', settled: false, outstandingMinor: 70, creditBalanceMinor: 0 });
    expect(balance(100, 20, 30)).toEqual({ status: 'PARTIALLY_PAID', settled: false, outstandingMinor: 50, creditBalanceMinor: 0 });
    expect(balance(100, 70, 30)).toEqual({ status: 'PAID', settled: true, outstandingMinor: 0, creditBalanceMinor: 0 });
  });

  it('settles an invoice credited in full with nothing paid: PAID, nothing outstanding, nothing owed back', () => {
    expect(balance(100, 0, 100)).toEqual({ status: 'PAID', settled: true, outstandingMinor: 0, creditBalanceMinor: 0 });
  });

  it('owes the credit back when it comes after payment', () => {
    expect(balance(100, 100, 30)).toEqual({ status: 'OVERPAID', settled: true, outstandingMinor: 0, creditBalanceMinor: 30 });
    expect(balance(100, 90, 30)).toEqual({ status: 'OVERPAID', settled: true, outstandingMinor: 0, creditBalanceMinor: 20 });
  });

  it('shows credits beyond the total (per-document tax rounding) as a credit balance without calling the invoice over-paid', () => {
    expect(balance(740, 0, 741)).toEqual({ status: 'PAID', settled: true, outstandingMinor: 0, creditBalanceMinor: 1 });
  });
});

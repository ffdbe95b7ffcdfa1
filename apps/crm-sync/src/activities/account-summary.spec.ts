import { summariseAccount } from './account-summary';

describe('summariseAccount', () => {
  it('revenue is invoiced minus credited; balance also subtracts payments', () => {
    const [eur] = summariseAccount([
      { eventType: 'InvoiceIssued', currency: 'EUR', amountMinor: 11900 },
      { eventType: 'InvoiceIssued', currency: 'EUR', amountMinor: 5950 },
      { eventType: 'PaymentReceived', currency: 'EUR', amountMinor: 11900 },
      { eventType: 'CreditNoteIssued', currency: 'EUR', amountMinor: 1190 },
    ]);
    expect(eur).toEqual({
      currency: 'EUR',
      invoicedMinor: 17850,
      creditedMinor: 1190,
      paidMinor: 11900,
      lifetimeRevenueMinor: 16660,
      openBalanceMinor: 4760,
    });
  });

  it('shows a customer in credit as a negative balance', () => {
    const [eur] = summariseAccount([
      { eventType: 'InvoiceIssued', currency: 'EUR', amountMinor: 1000 },
      { eventType: 'PaymentReceived', currency: 'EUR', amountMinor: 1200 },
    ]);
    expect(eur.openBalanceMinor).toBe(-200);
    expect(eur.lifetimeRevenueMinor).toBe(1000);
  });

  it('keeps currencies apart and ignores events that carry no money for the account', () => {
    const totals = summariseAccount([
      { eventType: 'InvoiceIssued', currency: 'USD', amountMinor: 300 },
      { eventType: 'InvoicePaid', currency: 'USD', amountMinor: 300 },
      { eventType: 'InvoiceIssued', currency: 'EUR', amountMinor: 100 },
    ]);
    expect(totals.map((entry) => [entry.currency, entry.lifetimeRevenueMinor, entry.openBalanceMinor])).toEqual([
      ['EUR', 100, 100],
      ['USD', 300, 300],
    ]);
  });

  it('is empty without money events', () => {
    expect(summariseAccount([])).toEqual([]);
  });
});

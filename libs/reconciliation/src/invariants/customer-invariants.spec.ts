import type { DocumentRecord } from '../records';
import { exposureMismatches, revenueMismatches } from './customer-invariants';

function document(number: string, customerId: string, currency: string, totalMinor: number, paid = 0, credited = 0): DocumentRecord {
  return {
    id: number,
    number,
    orderId: 'a0000000-0000-4000-8000-000000000001',
    customerId,
    currency,
    lines: [],
    netMinor: totalMinor,
    taxMinor: 0,
    totalMinor,
    paidMinor: paid,
    creditedMinor: credited,
  };
}

// CUST-1 absorbed CUST-OLD: 1000 + 500 EUR invoiced over both ids, 200 credited, 100 USD invoiced.
const invoices = [
  document('INV-1', 'CUST-1', 'EUR', 1000, 600, 200),
  document('INV-2', 'CUST-OLD', 'EUR', 500),
  document('INV-3', 'CUST-1', 'USD', 100, 100),
  document('INV-4', 'CUST-2', 'EUR', 9999),
];
const creditNotes = [document('CN-1', 'CUST-1', 'EUR', 200)];
const documents = { invoices, creditNotes };

describe('revenueMismatches: crm-sync lifetime revenue = invoicing invoiced − credited, per currency', () => {
  const crm = {
    customerId: 'CUST-1',
    mergedCustomerIds: ['CUST-OLD'],
    totals: [
      { currency: 'EUR', lifetimeRevenueMinor: 1300 },
      { currency: 'USD', lifetimeRevenueMinor: 100 },
    ],
  };

  it("agrees when the merged id's invoices are counted with the survivor's", () => {
    expect(revenueMismatches(crm, documents)).toEqual([]);
  });

  it('names the customer and currency that drifted, also a currency one side does not have', () => {
    expect(revenueMismatches({ ...crm, totals: [{ currency: 'EUR', lifetimeRevenueMinor: 1100 }] }, documents)).toEqual([
      { check: 'customer-revenue', ids: { customer: 'CUST-1' }, detail: "crm-sync's lifetime revenue 1100 EUR ≠ invoicing's invoiced 1500 − credited 200" },
      { check: 'customer-revenue', ids: { customer: 'CUST-1' }, detail: "crm-sync's lifetime revenue 0 USD ≠ invoicing's invoiced 100 − credited 0" },
    ]);
    expect(revenueMismatches({ ...crm, mergedCustomerIds: [] }, documents)).toMatchObject([{ detail: expect.stringContaining('invoiced 1000 − credited 200') }]);
  });

  it('checks nothing when invoicing was not read', () => {
    expect(revenueMismatches({ ...crm, totals: [] }, {})).toEqual([]);
  });
});

describe("exposureMismatches: the order service's unpaid invoices = invoicing's open balance", () => {
  const account = { survivorId: 'CUST-1', mergedIds: ['CUST-OLD'], currency: 'EUR', unpaidInvoicesMinor: 700 };

  it('sums total − paid − credited over the group in the account currency', () => {
    // INV-1: 1000 − 600 − 200 = 200; INV-2: 500.
    expect(exposureMismatches(account, documents)).toEqual([]);
  });

  it('floors the group at 0 as the credit check does: a credit balance owes nothing', () => {
    const inCredit = [document('INV-9', 'CUST-3', 'EUR', 100, 150)];
    expect(exposureMismatches({ survivorId: 'CUST-3', mergedIds: [], currency: 'EUR', unpaidInvoicesMinor: 0 }, { invoices: inCredit })).toEqual([]);
  });

  it('reports drift, and skips an account without a currency', () => {
    expect(exposureMismatches({ ...account, unpaidInvoicesMinor: 200 }, documents)).toEqual([
      { check: 'customer-exposure', ids: { customer: 'CUST-1' }, detail: "the order service counts 200 EUR unpaid on invoices; invoicing's open balance is 700" },
    ]);
    expect(exposureMismatches({ ...account, currency: null, unpaidInvoicesMinor: 5 }, documents)).toEqual([]);
  });
});

import type { Mismatch } from '../mismatch';
import type { CrmCustomerRecord, CustomerAccountRecord, DocumentRecord } from '../records';

/** Invoicing's documents; a source left undefined was not read (its service skipped). */
export interface CustomerDocuments {
  invoices?: readonly DocumentRecord[];
  creditNotes?: readonly DocumentRecord[];
}

type Sum = (document: DocumentRecord) => number;

/** Σ `amount` over the documents issued to any id of the group, in `currency`. */
function sumOver(documents: readonly DocumentRecord[], group: readonly string[], currency: string, amount: Sum): number {
  const ids = new Set(group);
  return documents.filter((document) => ids.has(document.customerId) && document.currency === currency).reduce((total, document) => total + amount(document), 0);
}

function currenciesOf(documents: readonly DocumentRecord[], group: readonly string[]): string[] {
  const ids = new Set(group);
  return documents.filter((document) => ids.has(document.customerId)).map((document) => document.currency);
}

const total: Sum = (document) => document.totalMinor;
/** The invoice's own balance: total − paid − credited, negative for a credit balance (as crm-sync's open balance counts it). */
const openOnInvoice: Sum = (invoice) => invoice.totalMinor - (invoice.paidMinor ?? 0) - (invoice.creditedMinor ?? 0);

/**
 * docs/design.md#invariants per customer and currency: crm-sync's lifetime revenue equals invoicing's
 * invoiced − credited. crm-sync counts a survivor's merged ids as its own; invoicing's documents keep
 * the id they were issued to, so they are summed over the same group.
 */
export function revenueMismatches(customer: CrmCustomerRecord, documents: CustomerDocuments): Mismatch[] {
  const { invoices, creditNotes } = documents;
  if (!invoices || !creditNotes) return [];
  const group = [customer.customerId, ...customer.mergedCustomerIds];
  const currencies = new Set([
    ...customer.totals.map((totals) => totals.currency),
    ...currenciesOf(invoices, group),
    ...currenciesOf(creditNotes, group),
  ]);
  return [...currencies].sort().flatMap((currency) => {
    const crm = customer.totals.find((totals) => totals.currency === currency)?.lifetimeRevenueMinor ?? 0;
    const invoiced = sumOver(invoices, group, currency, total);
    const credited = sumOver(creditNotes, group, currency, total);
    if (crm === invoiced - credited) return [];
    return [
      {
        check: 'customer-revenue',
        ids: { customer: customer.customerId },
        detail: `crm-sync's lifetime revenue ${crm} ${currency} ≠ invoicing's invoiced ${invoiced} − credited ${credited}`,
      },
    ];
  });
}

/**
 * docs/design.md#invariants per customer, in the account's currency: the order service's unpaid
 * invoices (the credit check's exposure without open orders) equal invoicing's open balance over the
 * survivor's group — the sum of each invoice's total − paid − credited, never below 0 in all, as the
 * credit check counts it.
 */
export function exposureMismatches(account: CustomerAccountRecord, documents: CustomerDocuments): Mismatch[] {
  const { invoices } = documents;
  if (!invoices || account.currency === null) return [];
  const open = Math.max(0, sumOver(invoices, [account.survivorId, ...account.mergedIds], account.currency, openOnInvoice));
  if (account.unpaidInvoicesMinor === open) return [];
  return [
    {
      check: 'customer-exposure',
      ids: { customer: account.survivorId },
      detail: `the order service counts ${account.unpaidInvoicesMinor} ${account.currency} unpaid on invoices; invoicing's open balance is ${open}`,
    },
  ];
}

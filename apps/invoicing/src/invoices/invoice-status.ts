export const INVOICE_STATUSES = ['OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERPAID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Paid in full (or more): the moment InvoicePaid is due. An invoice with nothing to pay is settled at issue. */
export function isSettled(totalMinor: number, paidMinor: number): boolean {
  return paidMinor >= totalMinor;
}

/** Where the payments of an invoice stand; over-payments are shown, never hidden. */
export function invoiceStatus(totalMinor: number, paidMinor: number): InvoiceStatus {
  if (paidMinor > totalMinor) return 'OVERPAID';
  if (paidMinor === totalMinor) return 'PAID';
  return paidMinor > 0 ? 'PARTIALLY_PAID' : 'OPEN';
}

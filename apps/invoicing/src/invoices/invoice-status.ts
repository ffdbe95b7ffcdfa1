export const INVOICE_STATUSES = ['OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERPAID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What was billed, paid and credited (credit notes applied to it) on one invoice, in minor units. */
export interface InvoiceMoney {
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
}

export interface InvoiceBalance {
  status: InvoiceStatus;
  /** Payments and credits cover the total: the moment InvoicePaid is due. */
  settled: boolean;
  /** What the customer still has to pay: total − paid − credited, never below 0. */
  outstandingMinor: number;
  /** What we owe the customer on this invoice: paid + credited beyond the total (over-payment, or a credit note after payment). */
  creditBalanceMinor: number;
}

/**
 * docs/design.md#invoicing-and-payments: a credit note lowers what is owed on its invoice just as a
 * payment does, and the excess of both over the total is owed back rather than shown as a
 * negative debt. The status compares payments with what is left to pay after credits, so an
 * invoice settled by credit notes alone is PAID (nothing left to pay), as is one with nothing to pay.
 */
export function invoiceBalance({ totalMinor, paidMinor, creditedMinor }: InvoiceMoney): InvoiceBalance {
  const remainder = totalMinor - paidMinor - creditedMinor;
  const outstandingMinor = Math.max(remainder, 0);
  const creditBalanceMinor = Math.max(-remainder, 0);
  return { status: statusOf(outstandingMinor, creditBalanceMinor, paidMinor), settled: outstandingMinor === 0, outstandingMinor, creditBalanceMinor };
}

function statusOf(outstandingMinor: number, creditBalanceMinor: number, paidMinor: number): InvoiceStatus {
  if (outstandingMinor > 0) return paidMinor > 0 ? 'PARTIALLY_PAID' : 'OPEN';
  return creditBalanceMinor > 0 && paidMinor > 0 ? 'OVERPAID' : 'PAID';
}

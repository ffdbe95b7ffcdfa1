/** Sums of the money events of one customer in one currency. */
export interface MoneyEntry {
  eventType: string;
  currency: string;
  amountMinor: number;
}

export interface AccountTotals {
  currency: string;
  /** Σ InvoiceIssued.totalMinor (gross, tax included). */
  invoicedMinor: number;
  /** Σ CreditNoteIssued.totalMinor. */
  creditedMinor: number;
  /** Σ PaymentReceived.amountMinor, over-payments included. */
  paidMinor: number;
  /** invoiced − credited. */
  lifetimeRevenueMinor: number;
  /** invoiced − credited − paid; negative when the customer is in credit (over-paid, or credited after paying). */
  openBalanceMinor: number;
}

const FIELD: Record<string, 'invoicedMinor' | 'creditedMinor' | 'paidMinor'> = {
  InvoiceIssued: 'invoicedMinor',
  CreditNoteIssued: 'creditedMinor',
  PaymentReceived: 'paidMinor',
};

export function emptyTotals(currency: string): AccountTotals {
  return { currency, invoicedMinor: 0, creditedMinor: 0, paidMinor: 0, lifetimeRevenueMinor: 0, openBalanceMinor: 0 };
}

/** Lifetime revenue and open balance per currency (never converted), currencies in code order. */
export function summariseAccount(entries: readonly MoneyEntry[]): AccountTotals[] {
  const byCurrency = new Map<string, AccountTotals>();
  for (const entry of entries) {
    const field = FIELD[entry.eventType];
    if (!field) continue;
    const totals = byCurrency.get(entry.currency) ?? emptyTotals(entry.currency);
    totals[field] += entry.amountMinor;
    byCurrency.set(entry.currency, totals);
  }
  return [...byCurrency.values()]
    .map((totals) => ({
      ...totals,
      lifetimeRevenueMinor: totals.invoicedMinor - totals.creditedMinor,
      openBalanceMinor: totals.invoicedMinor - totals.creditedMinor - totals.paidMinor,
    }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** One invoice as the customer page lists it. */
export interface CustomerInvoiceRow {
  id: string;
  number: string;
  orderId: string;
  issuedAt: string;
  dueDate: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  status: string;
}

export interface CustomerInvoices {
  rows: CustomerInvoiceRow[];
  /** Invoicing had more than the page asked for: the list is not the customer's complete history. */
  more: boolean;
}

export interface InvoicePage {
  items: (CustomerInvoiceRow & Record<string, unknown>)[];
  nextAfterId: string | null;
}

/**
 * Invoicing pages in id order (random for UUIDs); on a call the newest matter, so the page is
 * shown by number, newest first (numbers are gap-free and zero-padded, so they order by time).
 */
export function customerInvoices(page: InvoicePage): CustomerInvoices {
  const rows = page.items.map(({ id, number, orderId, issuedAt, dueDate, currency, totalMinor, paidMinor, status }) => ({
    id,
    number,
    orderId,
    issuedAt,
    dueDate,
    currency,
    totalMinor,
    paidMinor,
    status,
  }));
  rows.sort((a, b) => b.number.localeCompare(a.number, 'en', { numeric: true }));
  return { rows, more: page.nextAfterId !== null };
}

import { dueDateOf } from '../invoices/invoice-calculation';

/**
 * docs/design.md#invoicing-and-payments: an invoice is due after its customer's payment terms as
 * the CRM set them when it was issued; a customer invoicing has not heard of yet gets the default
 * (INVOICE_PAYMENT_TERMS_DAYS). A later change of terms does not move issued invoices.
 */
export function invoiceDueDate(issuedAt: Date, customerTermsDays: number | null, defaultTermsDays: number): string {
  return dueDateOf(issuedAt, customerTermsDays ?? defaultTermsDays);
}

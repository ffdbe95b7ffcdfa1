import type { InvoiceCreditView, InvoiceView } from './dto/invoice-view.dto';
import type { Invoice } from './invoice.entity';
import { invoiceBalance } from './invoice-status';
import type { Payment } from './payment.entity';
import { documentLinesView } from './document-lines-view';

export function toInvoiceView(invoice: Invoice, payments: readonly Payment[], credits: readonly InvoiceCreditView[]): InvoiceView {
  const { status, outstandingMinor, creditBalanceMinor } = invoiceBalance(invoice);
  return {
    id: invoice.id,
    number: invoice.number,
    orderId: invoice.orderId,
    shipmentId: invoice.shipmentId,
    customerId: invoice.customerId,
    currency: invoice.currency,
    issuedAt: invoice.issuedAt.toISOString(),
    dueDate: invoice.dueDate,
    lines: documentLinesView(invoice.lines),
    netMinor: invoice.netMinor,
    taxMinor: invoice.taxMinor,
    totalMinor: invoice.totalMinor,
    status,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
    outstandingMinor,
    creditBalanceMinor,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    payments: payments.map((payment) => ({
      paymentId: payment.id,
      paymentRef: payment.paymentRef,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      receivedAt: payment.receivedAt.toISOString(),
    })),
    credits: credits.map(({ creditNoteId, creditNoteNumber, lineNo, quantity, amountMinor }) => ({ creditNoteId, creditNoteNumber, lineNo, quantity, amountMinor })),
  };
}

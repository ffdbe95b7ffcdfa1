import type { InvoiceView } from './dto/invoice-view.dto';
import type { Invoice } from './invoice.entity';
import { invoiceStatus } from './invoice-status';
import type { Payment } from './payment.entity';
import { documentLinesView } from './document-lines-view';

export function toInvoiceView(invoice: Invoice, payments: readonly Payment[]): InvoiceView {
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
    status: invoiceStatus(invoice.totalMinor, invoice.paidMinor),
    paidMinor: invoice.paidMinor,
    outstandingMinor: invoice.totalMinor - invoice.paidMinor,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    payments: payments.map((payment) => ({
      paymentId: payment.id,
      paymentRef: payment.paymentRef,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      receivedAt: payment.receivedAt.toISOString(),
    })),
  };
}

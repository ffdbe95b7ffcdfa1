import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { VerifiedSignature } from '@tradeflow/platform';
import { IdempotencyService, useWebhookSignature } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import { bookOnInvoice, lockInvoices } from '../invoices/invoice-settlement';
import type { InvoiceBalance } from '../invoices/invoice-status';
import type { Invoice } from '../invoices/invoice.entity';
import { InvoiceNotFoundError } from '../invoices/invoices.service';
import { Payment } from '../invoices/payment.entity';
import { SERVICE_NAME } from '../service-name';
import type { PaymentView, RecordPaymentDto } from './dto/payment.dto';

@Injectable()
export class PaymentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Books a payment against an invoice → PaymentReceived, and InvoicePaid the first time payments
   * (with the credit notes applied to it) cover the total. Partial and over-payments are booked as they come. A repeated paymentRef
   * returns the first answer; with a different body it is refused (409).
   *
   * The one write path for a payment, whoever reports it: a person (manual booking) or the payment
   * provider's signed webhook, whose `proof` is used up in the same transaction — a replayed
   * signature is refused (401) and stores nothing, while a failed attempt can be sent again.
   */
  record(dto: RecordPaymentDto, proof?: VerifiedSignature): Promise<PaymentView> {
    const { paymentRef, invoiceId, amountMinor, currency } = dto;
    // Built field by field so the same payment sent with its fields in another order is the same body.
    const request = { scope: 'payments', key: paymentRef, body: { paymentRef, invoiceId, amountMinor, currency } };
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: paymentRef }, async (unit) => {
      if (proof) await useWebhookSignature(unit.manager, proof);
      const claim = await this.idempotency.claim<PaymentView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const [invoice] = await lockInvoices(unit.manager, { id: invoiceId });
      if (!invoice) throw new InvoiceNotFoundError(invoiceId);
      if (invoice.currency !== currency) {
        throw new UnprocessableEntityException(
          `currency ${currency} does not match invoice ${invoice.number}, which is in ${invoice.currency}`,
        );
      }
      if (!Number.isSafeInteger(invoice.paidMinor + amountMinor)) {
        throw new UnprocessableEntityException(`amountMinor would take the paid amount of invoice ${invoice.number} beyond 2^53 - 1`);
      }

      const payment: Payment = { id: randomUUID(), paymentRef, invoiceId, amountMinor, currency, receivedAt: new Date() };
      await unit.manager.insert(Payment, payment);
      const balance = await bookOnInvoice(unit, invoice, { paidMinor: amountMinor, at: payment.receivedAt }, (after) =>
        announcePayment(unit, invoice, payment, after),
      );

      const view = toPaymentView(invoice, payment, balance);
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }
}

function announcePayment(unit: UnitOfWork, invoice: Invoice, payment: Payment, balance: InvoiceBalance): void {
  const { id: invoiceId, orderId, customerId, currency, paidMinor, correlationId } = invoice;
  unit.publish(
    'PaymentReceived',
    {
      paymentId: payment.id,
      paymentRef: payment.paymentRef,
      invoiceId,
      orderId,
      customerId,
      currency,
      amountMinor: payment.amountMinor,
      paidMinor,
      outstandingMinor: balance.outstandingMinor,
    },
    { id: invoiceId, version: ++invoice.version },
    correlationId,
  );
}

function toPaymentView(invoice: Invoice, payment: Payment, balance: InvoiceBalance): PaymentView {
  return {
    paymentId: payment.id,
    paymentRef: payment.paymentRef,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    orderId: invoice.orderId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    receivedAt: payment.receivedAt.toISOString(),
    invoiceStatus: balance.status,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
    outstandingMinor: balance.outstandingMinor,
    creditBalanceMinor: balance.creditBalanceMinor,
  };
}

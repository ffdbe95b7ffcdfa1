import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { VerifiedSignature } from '@tradeflow/platform';
import { IdempotencyService, useWebhookSignature } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import { invoiceStatus, isSettled } from '../invoices/invoice-status';
import { Invoice } from '../invoices/invoice.entity';
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
   * reach the total. Partial and over-payments are booked as they come. A repeated paymentRef
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

      const invoice = await unit.manager.findOne(Invoice, {
        where: { id: invoiceId },
        lock: { mode: 'pessimistic_write', tables: ['invoices'] },
      });
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
      this.applyPayment(unit, invoice, payment);
      const { paidMinor, paidAt, version } = invoice;
      await unit.manager.update(Invoice, { id: invoice.id }, { paidMinor, paidAt, version });

      const view = toPaymentView(invoice, payment);
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }

  private applyPayment(unit: UnitOfWork, invoice: Invoice, payment: Payment): void {
    invoice.paidMinor += payment.amountMinor;
    const { id: invoiceId, orderId, customerId, currency, totalMinor, paidMinor, correlationId } = invoice;
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
        outstandingMinor: totalMinor - paidMinor,
      },
      { id: invoiceId, version: ++invoice.version },
      correlationId,
    );
    if (invoice.paidAt === null && isSettled(totalMinor, paidMinor)) {
      invoice.paidAt = payment.receivedAt;
      unit.publish(
        'InvoicePaid',
        { invoiceId, orderId, customerId, currency, totalMinor, paidMinor },
        { id: invoiceId, version: ++invoice.version },
        correlationId,
      );
    }
  }
}

function toPaymentView(invoice: Invoice, payment: Payment): PaymentView {
  return {
    paymentId: payment.id,
    paymentRef: payment.paymentRef,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    orderId: invoice.orderId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    receivedAt: payment.receivedAt.toISOString(),
    invoiceStatus: invoiceStatus(invoice.totalMinor, invoice.paidMinor),
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    outstandingMinor: invoice.totalMinor - invoice.paidMinor,
  };
}

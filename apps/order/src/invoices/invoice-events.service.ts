import { Injectable } from '@nestjs/common';
import type { CreditNoteIssued, InvoiceIssued, InvoicePaid, PaymentReceived } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { CreditControl } from '../orders/credit-control';
import { EventMismatchError } from '../orders/event-mismatch.error';
import { addToLines } from '../orders/line-quantities';
import { assignLines, OrderChangesService } from '../orders/order-changes.service';
import { OrderInvoice } from '../orders/order-invoice.entity';

/**
 * Invoicing's reports: what is invoiced, paid and credited, on the order and in its customer's
 * ledger (payments and credit notes free credit room for held orders). The customer is locked
 * before the order, in the order every customer check locks them.
 */
@Injectable()
export class InvoiceEventsService {
  constructor(
    private readonly changes: OrderChangesService,
    private readonly credit: CreditControl,
  ) {}

  async recordInvoice(event: InvoiceIssued, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.credit.lockCustomer(manager, event.customerId);
    await this.changes.apply(unit, event.orderId, async (order) => {
      if (await manager.existsBy(OrderInvoice, { invoiceId: event.invoiceId })) return null;
      await manager.insert(OrderInvoice, {
        invoiceId: event.invoiceId,
        orderId: order.id,
        invoiceNumber: event.invoiceNumber,
        shipmentId: event.shipmentId,
        dueDate: event.dueDate,
        totalMinor: event.totalMinor,
        paidMinor: 0,
        issuedAt: new Date(event.occurredAt),
        paidAt: null,
      });
      assignLines(order.lines, addToLines(order.lines, 'invoiced', event.lines));
      const detail = `invoice ${event.invoiceNumber} for shipment ${event.shipmentId}: ${amount(event.totalMinor, event.currency)}, due ${event.dueDate}`;
      return { event: event.eventType, detail };
    });
    const document = { entryId: event.invoiceId, kind: 'INVOICE', amountMinor: event.totalMinor } as const;
    await this.credit.book(unit, { ...document, ...documentOf(event) }, `InvoiceIssued ${event.invoiceNumber}`);
  }

  async recordPayment(event: PaymentReceived, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.credit.lockCustomer(manager, event.customerId);
    await this.changes.apply(unit, event.orderId, async () => {
      const invoice = await knownInvoice(manager, event);
      await manager.update(OrderInvoice, { invoiceId: invoice.invoiceId }, { paidMinor: Math.max(invoice.paidMinor, event.paidMinor) });
      const detail = `payment ${event.paymentRef} of ${amount(event.amountMinor, event.currency)} on invoice ${invoice.invoiceNumber}, outstanding ${amount(event.outstandingMinor, event.currency)}`;
      return { event: event.eventType, detail };
    });
    const document = { entryId: event.paymentId, kind: 'PAYMENT', amountMinor: event.amountMinor } as const;
    await this.credit.book(unit, { ...document, ...documentOf(event) }, `PaymentReceived ${event.paymentRef}`);
  }

  async recordPaid(event: InvoicePaid, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.changes.apply(unit, event.orderId, async () => {
      const invoice = await knownInvoice(manager, event);
      if (invoice.paidAt) return null;
      const paidMinor = Math.max(invoice.paidMinor, event.paidMinor);
      await manager.update(OrderInvoice, { invoiceId: invoice.invoiceId }, { paidMinor, paidAt: new Date(event.occurredAt) });
      return { event: event.eventType, detail: `invoice ${invoice.invoiceNumber} paid: ${amount(paidMinor, event.currency)}` };
    });
  }

  async recordCreditNote(event: CreditNoteIssued, unit: UnitOfWork): Promise<void> {
    const detail = `credit note ${event.creditNoteNumber} for return ${event.returnId}: ${amount(event.totalMinor, event.currency)}`;
    await this.credit.lockCustomer(unit.manager, event.customerId);
    await this.changes.updateLines(unit, event.orderId, { event: event.eventType, detail }, (lines) =>
      addToLines(lines, 'credited', event.lines),
    );
    const document = { entryId: event.creditNoteId, kind: 'CREDIT_NOTE', amountMinor: event.totalMinor } as const;
    await this.credit.book(unit, { ...document, ...documentOf(event) }, `CreditNoteIssued ${event.creditNoteNumber}`);
  }
}

/** Invoice events of an order share its partition, so InvoiceIssued always came first. */
async function knownInvoice(manager: EntityManager, event: { invoiceId: string; orderId: string }): Promise<OrderInvoice> {
  const invoice = await manager.findOneBy(OrderInvoice, { invoiceId: event.invoiceId, orderId: event.orderId });
  if (!invoice) throw new EventMismatchError(`invoice ${event.invoiceId} was never issued for order ${event.orderId}`);
  return invoice;
}

function documentOf(event: { customerId: string; currency: string; orderId: string; occurredAt: number }) {
  return { customerId: event.customerId, currency: event.currency, orderId: event.orderId, at: new Date(event.occurredAt) };
}

function amount(minor: number, currency: string): string {
  return `${minor} ${currency} (minor units)`;
}

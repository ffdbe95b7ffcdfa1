import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CreditNoteIssued, InvoiceIssued, InvoicePaid, PaymentReceived } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { InvoiceEventsService } from './invoice-events.service';

@Controller()
export class InvoiceEventsHandler {
  constructor(private readonly invoices: InvoiceEventsService) {}

  @EventPattern('InvoiceIssued')
  invoiceIssued(@Payload() event: InvoiceIssued, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.recordInvoice(event, context.unitOfWork);
  }

  @EventPattern('PaymentReceived')
  paymentReceived(@Payload() event: PaymentReceived, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.recordPayment(event, context.unitOfWork);
  }

  @EventPattern('InvoicePaid')
  invoicePaid(@Payload() event: InvoicePaid, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.recordPaid(event, context.unitOfWork);
  }

  @EventPattern('CreditNoteIssued')
  creditNoteIssued(@Payload() event: CreditNoteIssued, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.recordCreditNote(event, context.unitOfWork);
  }
}

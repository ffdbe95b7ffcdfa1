import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  CreditNoteIssued,
  InvoiceIssued,
  InvoicePaid,
  OrderApproved,
  OrderCancelled,
  OrderCompleted,
  OrderHeld,
  OrderPlaced,
  PaymentReceived,
  ShipmentDelivered,
  ShipmentDispatched,
} from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ActivitiesService } from './activities.service';

/** Order, shipment, invoice and payment events → CRM activity of the order's customer. */
@Controller()
export class ActivityEventsHandler {
  constructor(private readonly activities: ActivitiesService) {}

  @EventPattern('OrderPlaced')
  orderPlaced(@Payload() event: OrderPlaced, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('OrderHeld')
  orderHeld(@Payload() event: OrderHeld, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('OrderApproved')
  orderApproved(@Payload() event: OrderApproved, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('OrderCancelled')
  orderCancelled(@Payload() event: OrderCancelled, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('OrderCompleted')
  orderCompleted(@Payload() event: OrderCompleted, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('ShipmentDispatched')
  shipmentDispatched(@Payload() event: ShipmentDispatched, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('ShipmentDelivered')
  shipmentDelivered(@Payload() event: ShipmentDelivered, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('InvoiceIssued')
  invoiceIssued(@Payload() event: InvoiceIssued, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('PaymentReceived')
  paymentReceived(@Payload() event: PaymentReceived, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('InvoicePaid')
  invoicePaid(@Payload() event: InvoicePaid, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }

  @EventPattern('CreditNoteIssued')
  creditNoteIssued(@Payload() event: CreditNoteIssued, @Ctx() context: EventContext): Promise<void> {
    return this.activities.record(event, context.unitOfWork);
  }
}

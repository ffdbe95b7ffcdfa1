import { ApiProperty } from '@nestjs/swagger';
import { HOLD_REASONS } from '../hold-reason';
import type { HoldReason } from '../hold-reason';
import { ORDER_STATUSES } from '../order-status';
import type { OrderStatus } from '../order-status';
import { CARRIER_EXCEPTIONS } from '../order-shipment.entity';
import type { CarrierException } from '../order-shipment.entity';
import { AddressDto } from './address.dto';

export class OrderLineView {
  @ApiProperty() lineNo!: number;
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'Ordered quantity after amendments; 0 = removed' }) ordered!: number;
  @ApiProperty({ description: 'Reserved by inventory; dispatched quantities stay counted' }) reserved!: number;
  @ApiProperty({ description: 'Waiting for stock' }) backordered!: number;
  @ApiProperty() shipped!: number;
  @ApiProperty() invoiced!: number;
  @ApiProperty({ description: 'Cancelled: ordered and never to ship' }) cancelled!: number;
  @ApiProperty({ description: 'Announced by return requests' }) returnRequested!: number;
  @ApiProperty({ description: 'Received back by shipping' }) returned!: number;
  @ApiProperty({ description: 'On credit notes' }) credited!: number;
  @ApiProperty() unitPriceMinor!: number;
  @ApiProperty() taxRateBp!: number;
}

export class TimelineEntryView {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'What happened: an event type' }) event!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
}

export class OrderShipmentView {
  @ApiProperty() shipmentId!: string;
  @ApiProperty() warehouse!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty() dispatchedAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ description: 'Failed delivery attempts the carrier reported; it tries again by itself' }) deliveryAttempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: CARRIER_EXCEPTIONS,
    description: 'What the carrier reported instead of a delivery; null once delivered after all',
  })
  exception!: CarrierException | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the carrier said of the exception' }) exceptionDetail!: string | null;
  @ApiProperty({ nullable: true, type: String }) exceptionAt!: string | null;
}

export class OrderInvoiceView {
  @ApiProperty() invoiceId!: string;
  @ApiProperty() invoiceNumber!: string;
  @ApiProperty() shipmentId!: string;
  @ApiProperty({ description: 'ISO 8601 date' }) dueDate!: string;
  @ApiProperty() totalMinor!: number;
  @ApiProperty({ description: 'Known from PaymentReceived and InvoicePaid' }) paidMinor!: number;
  @ApiProperty() paid!: boolean;
}

export class ReturnLineView {
  @ApiProperty() lineNo!: number;
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
}

export class OrderReturnView {
  @ApiProperty() returnId!: string;
  @ApiProperty({ enum: ['REQUESTED', 'RECEIVED'] }) status!: 'REQUESTED' | 'RECEIVED';
  @ApiProperty({ type: [ReturnLineView], description: 'As requested' }) lines!: ReturnLineView[];
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) receivedAt!: string | null;
}

export class OrderHoldView {
  @ApiProperty({ enum: HOLD_REASONS }) reason!: HoldReason;
  @ApiProperty({ description: 'The failed check: who or which amounts' }) detail!: string;
  @ApiProperty({ description: 'When the order was first held' }) since!: string;
}

export class OrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ type: OrderHoldView, nullable: true, description: 'Why the order waits, while it is HELD; null otherwise' })
  hold!: OrderHoldView | null;
  @ApiProperty() channel!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The channel’s own order number, unique per channel; null when it sent none' })
  channelOrderNumber!: string | null;
  @ApiProperty() customerId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() allowPartialShipment!: boolean;
  @ApiProperty({ type: AddressDto }) shippingAddress!: AddressDto;
  @ApiProperty({ type: [OrderLineView] }) lines!: OrderLineView[];
  @ApiProperty({ type: [OrderShipmentView] }) shipments!: OrderShipmentView[];
  @ApiProperty({ type: [OrderInvoiceView] }) invoices!: OrderInvoiceView[];
  @ApiProperty({ type: [OrderReturnView] }) returns!: OrderReturnView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
}

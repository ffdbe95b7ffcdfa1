import { ApiProperty } from '@nestjs/swagger';
import { AddressDto } from './place-order.dto';
import { ORDER_STATUSES } from '../order-status';
import type { OrderStatus } from '../order-status';

export class OrderLineView {
  @ApiProperty() lineNo!: number;
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'Ordered quantity' }) ordered!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty({ description: 'Waiting for stock' }) backordered!: number;
  @ApiProperty() shipped!: number;
  @ApiProperty() invoiced!: number;
  @ApiProperty() returned!: number;
  @ApiProperty() unitPriceMinor!: number;
  @ApiProperty() taxRateBp!: number;
}

export class TimelineEntryView {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'What happened: an event type' }) event!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
}

export class OrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() channel!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() allowPartialShipment!: boolean;
  @ApiProperty({ type: AddressDto }) shippingAddress!: AddressDto;
  @ApiProperty({ type: [OrderLineView] }) lines!: OrderLineView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty() createdAt!: string;
}

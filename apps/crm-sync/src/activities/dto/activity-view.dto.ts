import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CUSTOMER_ID, CUSTOMER_ID_MESSAGE } from '../../customers/customer-rules';
import type { DeliveryStatus } from '../crm-activity.entity';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['KEPT', 'PENDING', 'DELIVERED', 'DEAD'];

export class ListActivitiesQuery {
  @ApiProperty({ required: false, pattern: CUSTOMER_ID.source, description: "A customer's activity, including ids merged into it" })
  @IsOptional()
  @Matches(CUSTOMER_ID, { message: `customerId ${CUSTOMER_ID_MESSAGE}` })
  customerId?: string;

  @ApiProperty({ required: false, enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiProperty({ type: 'integer', required: false, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class DeliveryView {
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'KEPT: no CRM URL configured' }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When PENDING: the next attempt' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveredAt!: string | null;
}

export class ActivityView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'InvoiceIssued' }) type!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The customer now (merges resolved); null until the order is known' })
  customerId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As the event (or its order) named the customer' })
  sourceCustomerId!: string | null;
  @ApiProperty({ example: 'Invoice INV-000001 issued: EUR 29.75' }) summary!: string;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty({ type: Number, nullable: true, description: 'Account money: invoice/credit note total, payment' })
  amountMinor!: number | null;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({ type: DeliveryView }) delivery!: DeliveryView;
}

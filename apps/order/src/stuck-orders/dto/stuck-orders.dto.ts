import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ORDER_STATUSES } from '../../orders/order-status';
import type { OrderStatus } from '../../orders/order-status';
import { STUCK_ACTIONS, STUCK_REASONS } from '../stuck-order-rule';
import type { StuckAction, StuckReason } from '../stuck-order-rule';

export class StuckOrdersQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The previous page’s nextAfterId: stuck orders with a greater id' })
  @IsOptional()
  @IsUUID('all', { message: 'afterId must be a UUID' })
  afterId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class StuckOrderView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ format: 'date-time', description: 'When the order entered its status' }) since!: string;
  @ApiProperty({ description: 'How long the status may last (0: stuck as soon as the cause is known, e.g. a failed label)' }) limitSeconds!: number;
  @ApiProperty({ description: 'How far past the limit (or the due date) it is' }) overdueSeconds!: number;
  @ApiProperty({ enum: STUCK_REASONS }) reason!: StuckReason;
  @ApiProperty({ example: 'label failed: shipment S-1: carrier refused' }) detail!: string;
  @ApiProperty({ enum: STUCK_ACTIONS, description: 'What would move it on: a hint for a button' }) action!: StuckAction;
}

export class StuckOrderPageView {
  @ApiProperty({ type: [StuckOrderView], description: 'Ordered by order id' }) items!: StuckOrderView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'afterId of the next page; null on the last page' })
  nextAfterId!: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ReservedOrderPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The last order id of the previous page (its nextAfterOrderId)' })
  @IsOptional()
  @IsUUID('all', { message: 'afterOrderId must be a UUID' })
  afterOrderId?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ReservedOrderView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: ['active', 'cancelled'], description: 'cancelled: cancelled, or released by an operator; it reserves nothing any more' })
  status!: string;
  @ApiProperty({ description: 'Still set aside in stock for the order, over all lines and warehouses' }) held!: number;
  @ApiProperty({ description: 'Still waiting for stock, over all lines' }) backordered!: number;
}

export class ReservedOrderPageView {
  @ApiProperty({ type: [ReservedOrderView], description: 'By order id' }) items!: ReservedOrderView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterOrderId for the next page; null on the last page' })
  nextAfterOrderId!: string | null;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Shipments are read per order (a plain list) or all of them, a page at a time in id order (reconciliation). */
export class ShipmentsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The order whose shipments to list' })
  @IsOptional()
  @IsUUID('all', { message: 'orderId must be a UUID (query parameter ?orderId=)' })
  orderId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Without orderId: the nextAfterId of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'afterId must be a UUID' })
  afterId?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500, description: 'Without orderId: the page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

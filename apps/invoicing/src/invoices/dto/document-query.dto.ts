import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * Invoices and credit notes are read either per order (`orderId`: a plain list) or all of them,
 * a page at a time in id order (`afterId`, `limit`), e.g. for reconciliation.
 */
export class DocumentQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this order's documents, as a plain list by number" })
  @IsOptional()
  @IsUUID(undefined, { message: 'orderId must be a UUID' })
  orderId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Without orderId: the nextAfterId of the previous page' })
  @IsOptional()
  @IsUUID(undefined, { message: 'afterId must be a UUID' })
  afterId?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500, description: 'Without orderId: the page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 100;

/** Per order or paged, not both: a page of one order's documents is never what the caller meant. */
export function pagingMixedWithOrder(query: DocumentQueryDto): boolean {
  return query.orderId !== undefined && (query.afterId !== undefined || query.limit !== undefined);
}

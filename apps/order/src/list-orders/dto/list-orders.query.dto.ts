import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { OrderView } from '../../orders/dto/order-view.dto';

export const DEFAULT_PAGE_SIZE = 100;

export class ListOrdersQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The previous page’s nextAfterId: orders with a greater id' })
  @IsOptional()
  @IsUUID('all', { message: 'afterId must be a UUID' })
  afterId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'Only this customer’s orders; a merged id and its survivor list the same orders, all of them' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'customerId must be 1-64 letters, digits, ".", "_" or "-"' })
  customerId?: string;
}

export class OrderPageView {
  @ApiProperty({ type: [OrderView], description: 'Ordered by id' }) items!: OrderView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'afterId of the next page; null on the last page' })
  nextAfterId!: string | null;
}

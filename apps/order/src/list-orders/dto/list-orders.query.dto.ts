import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '@tradeflow/platform';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { OrderView } from '../../orders/dto/order-view.dto';
import { ORDER_STATUSES } from '../../orders/order-status';
import type { OrderStatus } from '../../orders/order-status';
import { idPrefixRange } from '../order-search';

@ValidatorConstraint({ name: 'idPrefix' })
class IdPrefix implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && idPrefixRange(value) !== undefined;
  }

  defaultMessage(): string {
    return 'q must be an order id or its first characters (hex digits, hyphens where an id has them)';
  }
}

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

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'Only orders of this sales channel' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'channel must be 1-64 letters, digits, ".", "_" or "-"' })
  channel?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 64, example: 'WEB-100234', description: 'Only the order with this channel order number (one per channel)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 64, { message: 'channelOrderNumber must be 1-64 characters once trimmed' })
  @NoControlCharacters()
  channelOrderNumber?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES, description: 'Only orders in this status' })
  @IsOptional()
  @IsIn(ORDER_STATUSES, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` })
  status?: OrderStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only orders placed at or after this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'placedFrom must be an ISO 8601 date or instant' })
  placedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only orders placed before this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'placedTo must be an ISO 8601 date or instant' })
  placedTo?: string;

  @ApiPropertyOptional({ maxLength: 36, example: '3f2a9c1e', description: 'An order id, or its first characters' })
  @IsOptional()
  @Validate(IdPrefix)
  q?: string;
}

export class OrderPageView {
  @ApiProperty({ type: [OrderView], description: 'Ordered by id' }) items!: OrderView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'afterId of the next page; null on the last page' })
  nextAfterId!: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '@tradeflow/platform';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AddressDto } from '../../orders/dto/address.dto';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;
const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Printable, and something left once the spaces around it are trimmed. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const CHANNEL_ORDER_NUMBER = /^[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*$/;

export class OrderLineDto {
  @ApiProperty({ example: 'SKU-RED-MUG', pattern: SKU.source })
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @ApiProperty({ type: 'integer', example: 2, minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @ApiProperty({ type: 'integer', example: 1299, minimum: 0, maximum: 1_000_000_000_000, description: 'Net unit price in minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  unitPriceMinor!: number;

  @ApiProperty({ type: 'integer', example: 1900, minimum: 0, maximum: 10_000, description: 'Tax rate in basis points: 1900 = 19%' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  taxRateBp!: number;
}

export class PlaceOrderDto {
  @ApiProperty({ example: 'CUST-1001', pattern: CUSTOMER_ID.source })
  @Matches(CUSTOMER_ID, { message: 'customerId must be 1-64 letters, digits, ".", "_" or "-"' })
  customerId!: string;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiPropertyOptional({
    example: 'WEB-100234',
    nullable: true,
    type: String,
    minLength: 1,
    maxLength: 64,
    pattern: CHANNEL_ORDER_NUMBER.source,
    description: 'The channel’s own order number, trimmed; a second order with the same number from the same channel is refused (409 naming the first)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 64, { message: 'channelOrderNumber must be 1-64 characters once trimmed' })
  @NoControlCharacters()
  channelOrderNumber?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  allowPartialShipment?: boolean;

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  shippingAddress!: AddressDto;

  @ApiProperty({ type: [OrderLineDto], minItems: 1, maxItems: 200 })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;

export class AddressDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '12 Analytical Row' })
  @IsString()
  @Length(1, 200)
  line1!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  line2?: string | null;

  @ApiProperty({ example: 'London' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiProperty({ example: 'N1 9GU' })
  @IsString()
  @Length(1, 20)
  postalCode!: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as DE' })
  countryCode!: string;
}

export class OrderLineDto {
  @ApiProperty({ example: 'SKU-RED-MUG' })
  @Matches(SKU, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @ApiProperty({ example: 1299, description: 'Net unit price in minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  unitPriceMinor!: number;

  @ApiProperty({ example: 1900, description: 'Tax rate in basis points: 1900 = 19%' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  taxRateBp!: number;
}

export class PlaceOrderDto {
  @ApiProperty({ example: 'CUST-1001' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'customerId must be 1-64 letters, digits, ".", "_" or "-"' })
  customerId!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  allowPartialShipment?: boolean;

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  shippingAddress!: AddressDto;

  @ApiProperty({ type: [OrderLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;

export class AvailabilityQueryDto {
  @ApiPropertyOptional({ type: [String], example: ['SKU-RED-MUG', 'SKU-BLUE-MUG'], description: 'Repeat for several skus (at most 500)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500, { message: 'sku may be given at most 500 times' })
  @Matches(SKU, { each: true, message: 'each sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku?: string[];

  @ApiPropertyOptional({ example: '2026-12-07T10:00:00Z', description: 'Every sku whose figure changed at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'changedSince must be an ISO 8601 date or instant' })
  changedSince?: string;
}

export class AvailabilityWarehouseView {
  @ApiProperty() warehouse!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty({ description: "The product excludes the warehouse: its stock is not sold" }) excluded!: boolean;
}

export class AvailabilityView {
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'What the channels may sell: on hand less reserved over the warehouses not excluded, less the safety stock; never below 0' })
  availableToSell!: number;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() safetyStock!: number;
  @ApiProperty({ type: [AvailabilityWarehouseView] }) warehouses!: AvailabilityWarehouseView[];
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Rises with every figure published; keep the highest' }) sequence!: number;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt!: string;
}

export class AvailabilityListView {
  @ApiProperty({ type: [AvailabilityView], description: 'By sku, or by change for changedSince' }) items!: AvailabilityView[];
  @ApiProperty({ type: [String], description: 'Asked-for skus with no figure yet (never stocked)' }) unknownSkus!: string[];
}

export class SafetyStockDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000000, example: 5 })
  @IsInt({ message: 'units must be a whole number' })
  @Min(0, { message: 'units must not be negative' })
  @Max(1000000)
  units!: number;
}

export class SafetyStockView {
  @ApiProperty() sku!: string;
  @ApiProperty() units!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

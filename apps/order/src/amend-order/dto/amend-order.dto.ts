import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

const isNewLine = (line: LineAmendmentDto) => line.lineNo === undefined;

/** With lineNo: that line's new quantity (0 removes it). Without: a new line, priced. */
export class LineAmendmentDto {
  @ApiPropertyOptional({ example: 1, description: 'An existing line; omit to add a line' })
  @IsOptional()
  @IsInt()
  @Min(1)
  lineNo?: number;

  @ApiPropertyOptional({ example: 'SKU-RED-MUG', description: 'New lines only' })
  @ValidateIf((line: LineAmendmentDto) => isNewLine(line) || line.sku !== undefined)
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku?: string;

  @ApiProperty({ example: 3, minimum: 0, maximum: 100000, description: '0 removes an existing line' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  quantity!: number;

  @ApiPropertyOptional({ example: 1299, description: 'New lines only: net unit price in minor units' })
  @ValidateIf((line: LineAmendmentDto) => isNewLine(line) || line.unitPriceMinor !== undefined)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  unitPriceMinor?: number;

  @ApiPropertyOptional({ example: 1900, description: 'New lines only: tax rate in basis points' })
  @ValidateIf((line: LineAmendmentDto) => isNewLine(line) || line.taxRateBp !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  taxRateBp?: number;
}

export class AmendOrderDto {
  @ApiProperty({ type: [LineAmendmentDto], description: 'Lines not mentioned stay as they are' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineAmendmentDto)
  lines!: LineAmendmentDto[];
}

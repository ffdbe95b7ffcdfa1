import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

const isNewLine = (line: LineAmendmentDto) => line.lineNo === undefined;

/** With lineNo: that line's new quantity (0 removes it). Without: a new line, priced. */
export class LineAmendmentDto {
  @ApiPropertyOptional({ type: 'integer', example: 1, minimum: 1, description: 'An existing line; omit to add a line' })
  @IsOptional()
  @IsInt()
  @Min(1)
  lineNo?: number;

  @ApiPropertyOptional({ example: 'SKU-RED-MUG', pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'New lines only' })
  @ValidateIf((line: LineAmendmentDto) => isNewLine(line) || line.sku !== undefined)
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku?: string;

  @ApiProperty({ type: 'integer', example: 3, minimum: 0, maximum: 100000, description: '0 removes an existing line' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  quantity!: number;

  @ApiPropertyOptional({ type: 'integer', example: 1299, minimum: 0, maximum: 1_000_000_000_000, description: 'New lines only: net unit price in minor units' })
  @ValidateIf((line: LineAmendmentDto) => isNewLine(line) || line.unitPriceMinor !== undefined)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  unitPriceMinor?: number;

  @ApiPropertyOptional({ type: 'integer', example: 1900, minimum: 0, maximum: 10_000, description: 'New lines only: tax rate in basis points' })
  @ValidateIf((line: LineAmendmentDto) => isNewLine(line) || line.taxRateBp !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  taxRateBp?: number;
}

@ApiExtraModels(LineAmendmentDto)
export class AmendOrderDto {
  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: 200,
    // Either an existing line by lineNo, or a new line with sku and prices: what the ValidateIfs above enforce.
    items: {
      allOf: [{ $ref: getSchemaPath(LineAmendmentDto) }],
      anyOf: [{ required: ['lineNo'] }, { required: ['sku', 'unitPriceMinor', 'taxRateBp'] }],
    },
    description: 'Lines not mentioned stay as they are',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineAmendmentDto)
  lines!: LineAmendmentDto[];
}

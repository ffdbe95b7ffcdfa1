import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CODE, PRODUCT_STATUSES, TAX_CLASSES } from '../product-rules';

/**
 * A product record as the ERP sends it. The routes check records with validateProduct (a bad row of a
 * load is reported, not a 400), so this class only documents them.
 */
export class ProductRecordDto {
  @ApiProperty({ example: 'SKU-RED-MUG', pattern: CODE.source, description: 'From the path on PUT /v1/products/{sku}' })
  sku!: string;

  @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, example: 7, description: 'Rises with each change; an older version never overwrites a newer one' })
  version!: number;

  @ApiProperty({ example: 'Red mug, 350 ml', maxLength: 200 })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 })
  description?: string | null;

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES, default: 'ACTIVE' })
  status?: string;

  @ApiProperty({ example: 'C62', pattern: '^[A-Z0-9]{2,3}$', description: 'UN/ECE Recommendation 20 code: C62 (piece), KGM, MTR, LTR' })
  unitOfMeasure!: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, example: 420 })
  weightGrams?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  lengthMm?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  widthMm?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  heightMm?: number | null;

  @ApiProperty({ enum: TAX_CLASSES })
  taxClass!: string;

  @ApiPropertyOptional({ type: [String], example: ['4006381333931'], description: 'GTIN-8, -12, -13 or -14 with a valid check digit' })
  gtins?: string[];

  @ApiPropertyOptional({ type: [String], example: ['HAM'], description: 'Warehouses whose stock of this product is never reserved' })
  excludedWarehouses?: string[];

  @ApiPropertyOptional({ maxLength: 500, description: 'Required when status is DISCONTINUED or BLOCKED' })
  reason?: string;
}

/** PUT /v1/products/{sku}: the record without its sku, which the path names. */
export class SingleProductRecordDto extends OmitType(ProductRecordDto, ['sku'] as const) {}

export class ProductLoadDto {
  // Rows are checked one by one and a bad row is reported in `rejected` (the good ones are applied),
  // so the document promises only objects here: a bad row is not a bad request.
  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: 5000,
    items: { type: 'object', additionalProperties: true },
    description: 'Product records with the fields of PUT /v1/products/{sku} plus sku; each is validated on its own',
  })
  products!: ProductRecordDto[];
}

export class ProductView {
  @ApiProperty() sku!: string;
  @ApiProperty({ type: 'integer', format: 'int64' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status!: string;
  @ApiProperty() unitOfMeasure!: string;
  @ApiProperty({ type: 'integer', nullable: true }) weightGrams!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) lengthMm!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) widthMm!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) heightMm!: number | null;
  @ApiProperty({ enum: TAX_CLASSES }) taxClass!: string;
  @ApiProperty({ type: [String] }) gtins!: string[];
  @ApiProperty({ type: [String] }) excludedWarehouses!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it is DISCONTINUED or BLOCKED' }) reason!: string | null;
  @ApiProperty({ description: 'When inventory applied this version' }) updatedAt!: string;
}

class SkuVersionView {
  @ApiProperty() sku!: string;
  @ApiProperty({ type: 'integer', format: 'int64' }) version!: number;
}

class StaleRowView extends SkuVersionView {
  @ApiProperty({ type: 'integer', format: 'int64', description: 'The newer version inventory holds' }) currentVersion!: number;
}

class FieldErrorView {
  @ApiProperty({ example: 'gtins[0]' }) field!: string;
  @ApiProperty({ example: 'has a wrong check digit (GTIN 4006381333932)' }) message!: string;
}

class RejectedRowView {
  @ApiProperty({ description: "1-based position in the list, or the CSV line" }) row!: number;
  @ApiProperty({ type: String, nullable: true }) sku!: string | null;
  @ApiProperty({ type: [FieldErrorView] }) errors!: FieldErrorView[];
}

export class ProductLoadReportView {
  @ApiProperty({ type: [SkuVersionView], description: 'Stored and published' }) applied!: SkuVersionView[];
  @ApiProperty({ type: [SkuVersionView], description: 'This version was already stored as sent: nothing changed, nothing published' })
  unchanged!: SkuVersionView[];
  @ApiProperty({ type: [StaleRowView], description: 'Older than the stored version: ignored' }) stale!: StaleRowView[];
  @ApiProperty({ type: [RejectedRowView], description: 'Invalid rows, and a known version sent with different content' })
  rejected!: RejectedRowView[];
}

export class ProductPageQueryDto {
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES, { message: `status must be one of ${PRODUCT_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: 'SKU-RED-MUG', pattern: CODE.source, description: 'The last sku of the previous page (its nextAfter)' })
  @IsOptional()
  @Matches(CODE, { message: 'after must be 1-64 letters, digits, ".", "_" or "-"' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ProductPageView {
  @ApiProperty({ type: [ProductView], description: 'By sku' }) items!: ProductView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as after for the next page; null on the last page' })
  nextAfter!: string | null;
}

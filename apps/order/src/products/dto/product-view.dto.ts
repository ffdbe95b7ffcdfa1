import { ApiProperty } from '@nestjs/swagger';
import { PRODUCT_STATUSES } from '../orderable-lines';
import type { ProductStatus } from '../orderable-lines';

export class ProductView {
  @ApiProperty({ example: 'SKU-RED-MUG' }) sku!: string;
  @ApiProperty({ example: 'Red mug, 300 ml' }) name!: string;
  @ApiProperty({ enum: PRODUCT_STATUSES, description: 'Only ACTIVE products may be ordered' }) status!: ProductStatus;
  @ApiProperty({ description: 'The product master’s version of the record the order service holds' }) version!: number;
}

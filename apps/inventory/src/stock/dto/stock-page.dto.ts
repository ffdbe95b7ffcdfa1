import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { StockView } from './stock-view.dto';

export class StockPageQueryDto {
  @ApiPropertyOptional({ example: 'SKU-RED-MUG', pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'The last sku of the previous page (its nextAfterSku)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'afterSku must be 1-64 letters, digits, ".", "_" or "-"' })
  afterSku?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

export class StockPageView {
  @ApiProperty({ type: [StockView], description: 'By sku' }) items!: StockView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterSku for the next page; null on the last page' })
  nextAfterSku!: string | null;
}

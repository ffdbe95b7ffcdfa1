import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

export class ReceiptLineDto {
  @ApiProperty({ example: 'SKU-RED-MUG', pattern: CODE.source })
  @Matches(CODE, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @ApiProperty({ type: 'integer', example: 24, minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ type: 'integer', example: 10, minimum: 0, maximum: 1_000_000, required: false, description: 'Sets the reorder point of the sku in this warehouse' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  reorderPoint?: number;
}

export class ReceiveStockDto {
  @ApiProperty({ example: 'RCPT-2026-0001', pattern: CODE.source, description: 'Unique per receipt; a repeat is not applied twice' })
  @Matches(CODE, { message: 'receiptId must be 1-64 letters, digits, ".", "_" or "-"' })
  receiptId!: string;

  @ApiProperty({ example: 'BER', pattern: CODE.source })
  @Matches(CODE, { message: 'warehouse must be 1-64 letters, digits, ".", "_" or "-"' })
  warehouse!: string;

  @ApiProperty({ type: [ReceiptLineDto], minItems: 1, maxItems: 500 })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];
}

export class FilledBackorderView {
  @ApiProperty() orderId!: string;
  @ApiProperty() lineNo!: number;
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
}

export class ReceiptView {
  @ApiProperty() receiptId!: string;
  @ApiProperty() warehouse!: string;
  @ApiProperty({ type: [ReceiptLineDto] }) lines!: ReceiptLineDto[];
  @ApiProperty({ type: [FilledBackorderView], description: 'Backorders this receipt reserved, oldest first' })
  filledBackorders!: FilledBackorderView[];
}

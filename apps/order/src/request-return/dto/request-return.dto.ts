import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { ReturnLineView } from '../../orders/dto/order-view.dto';

export class ReturnLineDto {
  @ApiProperty({ type: 'integer', example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  lineNo!: number;

  @ApiProperty({ type: 'integer', example: 1, minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;
}

export class RequestReturnDto {
  @ApiProperty({ type: [ReturnLineDto], minItems: 1, maxItems: 200 })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines!: ReturnLineDto[];
}

export class ReturnRequestView {
  @ApiProperty({ description: 'Quote it when the goods come back' }) returnId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: ['REQUESTED'] }) status!: 'REQUESTED';
  @ApiProperty({ type: [ReturnLineView] }) lines!: ReturnLineView[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class OrderFilterDto {
  @ApiProperty({ format: 'uuid', description: 'The order whose documents to list' })
  @IsUUID(undefined, { message: 'orderId must be a UUID' })
  orderId!: string;
}

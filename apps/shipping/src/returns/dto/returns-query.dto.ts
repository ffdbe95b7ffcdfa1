import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ReturnsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The order whose returns to list' })
  @IsUUID('all', { message: 'orderId must be a UUID (query parameter ?orderId=)' })
  orderId!: string;
}

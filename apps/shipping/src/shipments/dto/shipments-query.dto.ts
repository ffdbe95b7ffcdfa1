import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ShipmentsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The order whose shipments to list' })
  @IsUUID('all', { message: 'orderId must be a UUID (query parameter ?orderId=)' })
  orderId!: string;
}

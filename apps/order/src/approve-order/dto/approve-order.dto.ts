import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ApproveOrderDto {
  @ApiProperty({ example: 'credit raised by phone, confirmed by finance' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

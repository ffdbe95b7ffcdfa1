import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CancelOrderDto {
  @ApiProperty({ example: 'customer changed their mind' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';

export class ApproveOrderDto {
  @ApiProperty({ minLength: 1, maxLength: 500, pattern: PRINTABLE.source, example: 'credit raised by phone, confirmed by finance' })
  @IsString()
  @Length(1, 500)
  @NoControlCharacters()
  reason!: string;
}

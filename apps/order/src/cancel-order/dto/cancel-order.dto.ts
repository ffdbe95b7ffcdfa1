import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';

export class CancelOrderDto {
  @ApiProperty({ minLength: 1, maxLength: 500, pattern: PRINTABLE.source, example: 'customer changed their mind' })
  @IsString()
  @Length(1, 500)
  @NoControlCharacters()
  reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';
import { IsString, Length } from 'class-validator';

export class ReleaseReservationsDto {
  @ApiProperty({ minLength: 1, maxLength: 500, pattern: PRINTABLE.source, example: 'order does not exist in the order service (reconcile orphan-effect)' })
  @IsString()
  @Length(1, 500)
  @NoControlCharacters()
  reason!: string;
}

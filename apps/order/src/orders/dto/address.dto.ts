import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';

export class AddressDto {
  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 200, pattern: PRINTABLE.source })
  @IsString()
  @Length(1, 200)
  @NoControlCharacters()
  name!: string;

  @ApiProperty({ example: '12 Analytical Row', minLength: 1, maxLength: 200, pattern: PRINTABLE.source })
  @IsString()
  @Length(1, 200)
  @NoControlCharacters()
  line1!: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, pattern: PRINTABLE.source })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  @NoControlCharacters()
  line2?: string | null;

  @ApiProperty({ example: 'London', minLength: 1, maxLength: 100, pattern: PRINTABLE.source })
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  city!: string;

  @ApiProperty({ example: 'N1 9GU', minLength: 1, maxLength: 20, pattern: PRINTABLE.source })
  @IsString()
  @Length(1, 20)
  @NoControlCharacters()
  postalCode!: string;

  @ApiProperty({ example: 'GB', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as DE' })
  countryCode!: string;
}

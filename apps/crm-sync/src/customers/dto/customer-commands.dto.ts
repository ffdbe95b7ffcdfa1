import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { CUSTOMER_ID, CUSTOMER_ID_MESSAGE } from '../customer-rules';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';

/** Why a person acts on an account: kept on the hold, and in the audit trail of merges and releases. */
export class AccountReasonDto {
  @ApiProperty({ example: 'Dunning level 2', minLength: 1, maxLength: 500, pattern: PRINTABLE.source })
  @IsString()
  @Length(1, 500)
  @NoControlCharacters()
  reason!: string;
}

export class MergeCustomerDto extends AccountReasonDto {
  @ApiProperty({ example: 'CUST-1043', pattern: CUSTOMER_ID.source, description: 'Folded into the customer of the path, which survives' })
  @Matches(CUSTOMER_ID, { message: `mergedCustomerId ${CUSTOMER_ID_MESSAGE}` })
  mergedCustomerId!: string;
}

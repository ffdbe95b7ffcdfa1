import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CUSTOMER_ID, CUSTOMER_ID_MESSAGE } from '../customer-rules';
import { Reason } from '@tradeflow/platform';

/** Why a person acts on an account: kept on the hold, and in the audit trail of merges and releases. */
export class AccountReasonDto {
  @Reason({ example: 'Dunning level 2' })
  reason!: string;
}

export class MergeCustomerDto extends AccountReasonDto {
  @ApiProperty({ example: 'CUST-1043', pattern: CUSTOMER_ID.source, description: 'Folded into the customer of the path, which survives' })
  @Matches(CUSTOMER_ID, { message: `mergedCustomerId ${CUSTOMER_ID_MESSAGE}` })
  mergedCustomerId!: string;
}

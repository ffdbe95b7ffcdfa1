import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { CUSTOMER_ID, CUSTOMER_ID_MESSAGE } from '../customer-rules';

export class MergeCustomerDto {
  @ApiProperty({ example: 'CUST-1043', description: 'Folded into the customer of the path, which survives' })
  @Matches(CUSTOMER_ID, { message: `mergedCustomerId ${CUSTOMER_ID_MESSAGE}` })
  mergedCustomerId!: string;
}

export class HoldReasonDto {
  @ApiProperty({ example: 'Dunning level 2' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

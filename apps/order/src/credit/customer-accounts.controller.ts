import { BadRequestException, Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { CustomerAccountsService } from './customer-accounts.service';
import { CustomerAccountView } from './dto/customer-account-view.dto';

const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;

@ApiTags('customer accounts')
@Controller('v1/customer-accounts')
export class CustomerAccountsController {
  constructor(private readonly accounts: CustomerAccountsService) {}

  @Get(':customerId')
  @ApiParam({ name: 'customerId', schema: { type: 'string', pattern: CUSTOMER_ID.source } })
  // Credit limits and what a customer owes: back office only, never a sales channel.
  @Allow(['credit', 'finance', 'ops', 'auditor'])
  @ApiOkResponse({ type: CustomerAccountView, description: 'Why orders of this customer would be held, and how much credit is used' })
  @ApiBadRequestResponse({ description: 'Not a customer id' })
  @ApiNotFoundResponse({ description: 'No event has named this customer yet' })
  getAccount(@Param('customerId') customerId: string): Promise<CustomerAccountView> {
    if (!CUSTOMER_ID.test(customerId)) throw new BadRequestException('customerId must be 1-64 letters, digits, ".", "_" or "-"');
    return this.accounts.view(customerId);
  }
}

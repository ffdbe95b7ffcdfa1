import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { ACCOUNT_READERS } from '../account-readers';
import { CustomerDirectoryService } from './customer-directory.service';
import { CustomerHoldsService } from './customer-holds.service';
import { CustomerMergeService } from './customer-merge.service';
import { AccountReasonDto, MergeCustomerDto } from './dto/customer-commands.dto';
import { CustomerView, DuplicateView } from './dto/customer-view.dto';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly directory: CustomerDirectoryService,
    private readonly holds: CustomerHoldsService,
    private readonly merges: CustomerMergeService,
  ) {}

  // Declared before ':id' so "duplicates" is not taken for a customer id.
  @Get('duplicates')
  @Allow(ACCOUNT_READERS)
  @ApiOperation({ summary: 'Customer pairs sharing a normalised email or tax id' })
  @ApiOkResponse({ type: [DuplicateView] })
  listDuplicates(): Promise<DuplicateView[]> {
    return this.directory.listDuplicates();
  }

  @Get(':id')
  @Allow(ACCOUNT_READERS)
  @ApiOperation({ summary: 'Master data, hold, lifetime revenue and open balance; a merged id resolves to its survivor' })
  @ApiOkResponse({ type: CustomerView })
  @ApiNotFoundResponse({ description: 'No customer with this id' })
  getCustomer(@Param('id') customerId: string): Promise<CustomerView> {
    return this.directory.getCustomer(customerId);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Allow(['credit'], { action: 'merge-customers', reasonRequired: true })
  @ApiOperation({ summary: 'Fold mergedCustomerId into this customer (the survivor) → CustomerMerged' })
  @ApiOkResponse({ type: CustomerView, description: 'The survivor after the merge (also for a repeated merge)' })
  @ApiBadRequestResponse({ description: 'Invalid body, no reason, or a customer merged into itself' })
  @ApiNotFoundResponse({ description: 'Either customer is unknown' })
  @ApiConflictResponse({ description: 'One of them was already merged elsewhere' })
  merge(@Param('id') survivorId: string, @Body() body: MergeCustomerDto): Promise<CustomerView> {
    return this.merges.merge(survivorId, body.mergedCustomerId);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @Allow(['credit'], { action: 'place-hold' })
  @ApiOperation({ summary: 'Place an account hold → AccountHoldPlaced{source: api}' })
  @ApiOkResponse({ type: CustomerView })
  @ApiNotFoundResponse({ description: 'No customer with this id' })
  @ApiConflictResponse({ description: 'Already on hold' })
  hold(@Param('id') customerId: string, @Body() body: AccountReasonDto): Promise<CustomerView> {
    return this.holds.place(customerId, body.reason);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Allow(['credit'], { action: 'release-hold', reasonRequired: true })
  @ApiOperation({ summary: 'Release the account hold → AccountHoldReleased{source: api}' })
  @ApiOkResponse({ type: CustomerView })
  @ApiNotFoundResponse({ description: 'No customer with this id' })
  @ApiConflictResponse({ description: 'Not on hold' })
  release(@Param('id') customerId: string, @Body() body: AccountReasonDto): Promise<CustomerView> {
    return this.holds.release(customerId, body.reason);
  }
}

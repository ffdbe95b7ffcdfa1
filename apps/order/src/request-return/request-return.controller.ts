import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../api-keys/api-key.guard';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from '../orders/idempotency-key.decorator';
import { OrderRuleViolationFilter } from '../orders/order-rule-violation.filter';
import { RequestReturnDto, ReturnRequestView } from './dto/request-return.dto';
import { RequestReturnService } from './request-return.service';

@ApiTags('orders')
@Controller('v1/orders')
@UseFilters(OrderRuleViolationFilter)
export class RequestReturnController {
  constructor(private readonly returns: RequestReturnService) {}

  @Post(':id/returns')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(201)
  @RequiresScope('orders:write')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ReturnRequestView })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'More than shipped minus already requested returns, or the key was reused' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or repeated line' })
  requestReturn(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestReturnDto,
    @IdempotencyKey() key: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<ReturnRequestView> {
    const { channel } = request.apiClient;
    return this.returns.requestReturn(id, body, { scope: `orders:${channel}`, key, body: { returnFrom: id, ...body } });
  }
}

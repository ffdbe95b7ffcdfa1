import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { ApiIdempotencyKey, IdempotencyKey } from '../orders/idempotency-key.decorator';
import type { OrderCaller } from '../orders/order-caller';
import { Caller, idempotencyScope } from '../orders/order-caller';
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
  @Allow(['ops'], { channelScope: 'orders:write', action: 'request-return' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ReturnRequestView })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key' })
  @ApiNotFoundResponse({ description: 'No such order, or another channel’s' })
  @ApiConflictResponse({ description: 'More than shipped minus already requested returns, or the key was reused' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or repeated line' })
  requestReturn(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestReturnDto,
    @IdempotencyKey() key: string,
    @Caller() caller: OrderCaller,
  ): Promise<ReturnRequestView> {
    return this.returns.requestReturn(id, body, caller, { scope: idempotencyScope(caller), key, body: { returnFrom: id, ...body } });
  }
}

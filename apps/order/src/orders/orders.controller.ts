import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../api-keys/api-key.guard';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { OrderView } from './dto/order-view.dto';
import { PlaceOrderDto } from './dto/place-order.dto';
import { ApiIdempotencyKey, IdempotencyKey } from './idempotency-key.decorator';
import { OrderRuleViolationFilter } from './order-rule-violation.filter';
import { OrdersService } from './orders.service';

/** What a client (and the stateful fuzzer) may do next with the id of a placed order. */
function linksFromPlacedOrder() {
  const byId = (operationId: string) => ({ operationId, parameters: { id: '$response.body#/id' } });
  return {
    GetOrder: byId('OrdersController_getOrder'),
    AmendOrder: byId('AmendOrderController_amend'),
    CancelOrder: byId('CancelOrderController_cancel'),
    RequestReturn: byId('RequestReturnController_requestReturn'),
    ApproveOrder: byId('ApproveOrderController_approve'),
  };
}

@ApiTags('orders')
@Controller('v1/orders')
@UseFilters(OrderRuleViolationFilter)
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @RequiresScope('orders:write')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OrderView, links: linksFromPlacedOrder() })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key; the message names the field' })
  @ApiConflictResponse({ description: 'Idempotency-Key reused with a different body' })
  @ApiUnprocessableEntityResponse({ description: 'Worth more than 2^53 − 1 minor units with tax: could not be invoiced exactly' })
  placeOrder(@Body() body: PlaceOrderDto, @IdempotencyKey() key: string, @Req() request: AuthenticatedRequest): Promise<OrderView> {
    const { channel } = request.apiClient;
    return this.orders.placeOrder(body, channel, { scope: `orders:${channel}`, key, body });
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @RequiresScope('orders:read')
  @ApiOkResponse({ type: OrderView })
  @ApiNotFoundResponse()
  getOrder(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return this.orders.getOrder(id);
  }
}

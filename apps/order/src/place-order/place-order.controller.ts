import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { OrderView } from '../orders/dto/order-view.dto';
import { ApiIdempotencyKey, IdempotencyKey } from '../orders/idempotency-key.decorator';
import type { OrderCaller } from '../orders/order-caller';
import { Caller, idempotencyScope } from '../orders/order-caller';
import { OrderRuleViolationFilter } from '../orders/order-rule-violation.filter';
import { PlaceOrderDto } from './dto/place-order.dto';
import { PlaceOrderService } from './place-order.service';

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
export class PlaceOrderController {
  constructor(private readonly orders: PlaceOrderService) {}

  @Post()
  @HttpCode(201)
  @Allow([], { channelScope: 'orders:write' })
  @ApiIdempotencyKey()
  // The operationId it had in OrdersController, so clients generated from the OpenAPI document keep
  // their method; summary stays unset as before (ApiOperation would default it to '').
  @ApiOperation({ operationId: 'OrdersController_placeOrder', summary: undefined })
  @ApiCreatedResponse({ type: OrderView, links: linksFromPlacedOrder() })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key; the message names the field' })
  @ApiConflictResponse({
    description: 'Idempotency-Key reused with a different body, or the channel already placed an order with this channelOrderNumber (its id in `orderId`)',
  })
  @ApiUnprocessableEntityResponse({ description: 'A line of a sku that is unknown, discontinued or blocked (each such line in `lines`), or worth more than 2^53 − 1 minor units with tax' })
  placeOrder(@Body() body: PlaceOrderDto, @IdempotencyKey() key: string, @Caller() caller: OrderCaller): Promise<OrderView> {
    // Only channel keys pass this route's policy: the caller is the order's channel.
    return this.orders.placeOrder(body, caller.name, { scope: idempotencyScope(caller), key, body });
  }
}

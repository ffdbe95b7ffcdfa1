import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { OrderView } from '../orders/dto/order-view.dto';
import { ApiIdempotencyKey, IdempotencyKey } from '../orders/idempotency-key.decorator';
import type { OrderCaller } from '../orders/order-caller';
import { Caller, idempotencyScope } from '../orders/order-caller';
import { OrderRuleViolationFilter } from '../orders/order-rule-violation.filter';
import { CancelOrderService } from './cancel-order.service';
import { CancelOrderDto } from './dto/cancel-order.dto';

@ApiTags('orders')
@Controller('v1/orders')
@UseFilters(OrderRuleViolationFilter)
export class CancelOrderController {
  constructor(private readonly cancellations: CancelOrderService) {}

  @Post(':id/cancel')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(200)
  @Allow(['ops'], { channelScope: 'orders:write', action: 'cancel-order', reasonRequired: true })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OrderView, description: 'The order after the cancellation: CANCELLED, or the shipped rest going on' })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key' })
  @ApiNotFoundResponse({ description: 'No such order, or another channel’s' })
  @ApiConflictResponse({ description: 'Nothing left to cancel (everything shipped, already cancelled or completed), or the key was reused' })
  cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelOrderDto,
    @IdempotencyKey() key: string,
    @Caller() caller: OrderCaller,
  ): Promise<OrderView> {
    return this.cancellations.cancel(id, body.reason, caller, { scope: idempotencyScope(caller), key, body: { cancel: id, ...body } });
  }
}

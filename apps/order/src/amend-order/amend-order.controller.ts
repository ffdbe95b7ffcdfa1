import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { OrderView } from '../orders/dto/order-view.dto';
import { ApiIdempotencyKey, IdempotencyKey } from '../orders/idempotency-key.decorator';
import type { OrderCaller } from '../orders/order-caller';
import { Caller, idempotencyScope } from '../orders/order-caller';
import { OrderRuleViolationFilter } from '../orders/order-rule-violation.filter';
import { AmendOrderService } from './amend-order.service';
import { AmendOrderDto } from './dto/amend-order.dto';

@ApiTags('orders')
@Controller('v1/orders')
@UseFilters(OrderRuleViolationFilter)
export class AmendOrderController {
  constructor(private readonly amendments: AmendOrderService) {}

  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(200)
  @Allow([], { channelScope: 'orders:write' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OrderView, description: 'The order after the change' })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key; the message names the field' })
  @ApiNotFoundResponse({ description: 'No such order, or another channel’s' })
  @ApiConflictResponse({ description: 'A line’s quantity below what it shipped, the order is cancelled or completed, or the key was reused' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or repeated line, a new line of a sku that is unknown, discontinued or blocked (listed in `lines`), a price change, no line left, or worth more than 2^53 − 1 minor units with tax' })
  amend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AmendOrderDto,
    @IdempotencyKey() key: string,
    @Caller() caller: OrderCaller,
  ): Promise<OrderView> {
    return this.amendments.amend(id, body, caller, { scope: idempotencyScope(caller), key, body: { amend: id, ...body } });
  }
}

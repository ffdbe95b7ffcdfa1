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
import { ApproveOrderService } from './approve-order.service';
import { ApproveOrderDto } from './dto/approve-order.dto';

@ApiTags('orders')
@Controller('v1/orders')
@UseFilters(OrderRuleViolationFilter)
export class ApproveOrderController {
  constructor(private readonly approvals: ApproveOrderService) {}

  @Post(':id/approve')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(200)
  @Allow(['credit'], { channelScope: 'orders:approve', action: 'approve-order', reasonRequired: true })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OrderView, description: 'The order, APPROVED; the timeline names who (channel or person) and the reason' })
  @ApiBadRequestResponse({ description: 'No reason, or missing Idempotency-Key' })
  @ApiNotFoundResponse({ description: 'No such order, or another channel’s' })
  @ApiConflictResponse({ description: 'The order is not HELD, or the key was reused' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApproveOrderDto,
    @IdempotencyKey() key: string,
    @Caller() caller: OrderCaller,
  ): Promise<OrderView> {
    return this.approvals.approve(id, body.reason, caller, { scope: idempotencyScope(caller), key, body: { approve: id, ...body } });
  }
}

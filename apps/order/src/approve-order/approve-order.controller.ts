import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../api-keys/api-key.guard';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { OrderView } from '../orders/dto/order-view.dto';
import { ApiIdempotencyKey, IdempotencyKey } from '../orders/idempotency-key.decorator';
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
  @RequiresScope('orders:approve')
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OrderView, description: 'The order, APPROVED; the timeline names the key’s channel and the reason' })
  @ApiBadRequestResponse({ description: 'No reason, or missing Idempotency-Key' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The order is not HELD, or the key was reused' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApproveOrderDto,
    @IdempotencyKey() key: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<OrderView> {
    const { channel } = request.apiClient;
    return this.approvals.approve(id, body.reason, channel, { scope: `orders:${channel}`, key, body: { approve: id, ...body } });
  }
}

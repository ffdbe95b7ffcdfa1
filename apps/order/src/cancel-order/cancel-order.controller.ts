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
  @RequiresScope('orders:write')
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OrderView, description: 'The order after the cancellation: CANCELLED, or the shipped rest going on' })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Nothing left to cancel (everything shipped, already cancelled or completed), or the key was reused' })
  cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelOrderDto,
    @IdempotencyKey() key: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<OrderView> {
    const { channel } = request.apiClient;
    return this.cancellations.cancel(id, body.reason, { scope: `orders:${channel}`, key, body: { cancel: id, ...body } });
  }
}

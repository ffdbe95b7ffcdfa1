import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../api-keys/api-key.guard';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { OrderView } from '../orders/dto/order-view.dto';
import { IdempotencyKey } from '../orders/idempotency-key.decorator';
import { OrderRuleViolationFilter } from '../orders/order-rule-violation.filter';
import { CancelOrderService } from './cancel-order.service';
import { CancelOrderDto } from './dto/cancel-order.dto';

@ApiTags('orders')
@Controller('v1/orders')
@UseFilters(OrderRuleViolationFilter)
export class CancelOrderController {
  constructor(private readonly cancellations: CancelOrderService) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @RequiresScope('orders:write')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key + same body → the first answer' })
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

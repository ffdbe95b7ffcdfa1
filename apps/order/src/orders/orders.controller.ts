import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../api-keys/api-key.guard';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { OrderView } from './dto/order-view.dto';
import { PlaceOrderDto } from './dto/place-order.dto';
import { IdempotencyKey } from './idempotency-key.decorator';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('v1/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @RequiresScope('orders:write')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key + same body → the first answer' })
  @ApiCreatedResponse({ type: OrderView })
  @ApiBadRequestResponse({ description: 'Invalid body or missing Idempotency-Key; the message names the field' })
  @ApiConflictResponse({ description: 'Idempotency-Key reused with a different body' })
  placeOrder(@Body() body: PlaceOrderDto, @IdempotencyKey() key: string, @Req() request: AuthenticatedRequest): Promise<OrderView> {
    const { channel } = request.apiClient;
    return this.orders.placeOrder(body, channel, { scope: `orders:${channel}`, key, body });
  }

  @Get(':id')
  @RequiresScope('orders:read')
  @ApiOkResponse({ type: OrderView })
  @ApiNotFoundResponse()
  getOrder(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderView> {
    return this.orders.getOrder(id);
  }
}

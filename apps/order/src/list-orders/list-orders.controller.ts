import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import type { OrderCaller } from '../orders/order-caller';
import { Caller } from '../orders/order-caller';
import { ListOrdersQueryDto, OrderPageView } from './dto/list-orders.query.dto';
import { ListOrdersService } from './list-orders.service';

@ApiTags('orders')
@Controller('v1/orders')
export class ListOrdersController {
  constructor(private readonly orders: ListOrdersService) {}

  @Get()
  @Allow(STAFF, { channelScope: 'orders:read' })
  @ApiOkResponse({ type: OrderPageView, description: 'Orders by id, a page at a time, optionally searched by customer, channel, status, time placed and id prefix (all must hold); follow nextAfterId until it is null. A channel lists only its own' })
  @ApiBadRequestResponse({ description: 'afterId not a UUID, limit outside 1..500, a malformed customerId or channel, an unknown status, placedFrom/placedTo not ISO 8601, q not an id prefix' })
  list(@Query() query: ListOrdersQueryDto, @Caller() caller: OrderCaller): Promise<OrderPageView> {
    return this.orders.list(query, caller);
  }
}

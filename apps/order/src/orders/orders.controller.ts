import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { OrderView } from './dto/order-view.dto';
import type { OrderCaller } from './order-caller';
import { Caller } from './order-caller';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('v1/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Allow(STAFF, { channelScope: 'orders:read' })
  @ApiOkResponse({ type: OrderView })
  @ApiNotFoundResponse({ description: 'No such order, or another channel’s' })
  getOrder(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: OrderCaller): Promise<OrderView> {
    return this.orders.getOrder(id, caller);
  }
}

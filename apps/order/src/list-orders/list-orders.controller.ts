import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { ListOrdersQueryDto, OrderPageView } from './dto/list-orders.query.dto';
import { ListOrdersService } from './list-orders.service';

@ApiTags('orders')
@Controller('v1/orders')
export class ListOrdersController {
  constructor(private readonly orders: ListOrdersService) {}

  @Get()
  @RequiresScope('orders:read')
  @ApiOkResponse({ type: OrderPageView, description: 'Orders by id, a page at a time; follow nextAfterId until it is null' })
  @ApiBadRequestResponse({ description: 'afterId not a UUID, limit outside 1..500, or a malformed customerId' })
  list(@Query() query: ListOrdersQueryDto): Promise<OrderPageView> {
    return this.orders.list(query);
  }
}

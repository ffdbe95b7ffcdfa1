import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { StuckOrderPageView, StuckOrdersQueryDto } from './dto/stuck-orders.dto';
import { StuckOrdersService } from './stuck-orders.service';

@ApiTags('orders')
@Controller('v1/orders/stuck')
export class StuckOrdersController {
  constructor(private readonly stuck: StuckOrdersService) {}

  @Get()
  @Allow(STAFF)
  @ApiOperation({ summary: 'Orders that have not reached their next status within its limit, with the reason and the action that fixes each' })
  @ApiOkResponse({ type: StuckOrderPageView })
  @ApiBadRequestResponse({ description: 'afterId not a UUID, or limit outside 1..500' })
  async list(@Query() { afterId, limit = 100 }: StuckOrdersQueryDto): Promise<StuckOrderPageView> {
    const page = await this.stuck.page(afterId ?? null, limit);
    return { items: page.items.map((item) => ({ ...item, since: item.since.toISOString() })), nextAfterId: page.nextAfterId };
  }
}

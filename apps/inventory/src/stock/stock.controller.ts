import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Role } from '@tradeflow/platform';
import { Allow, STAFF } from '@tradeflow/platform';
import { StockPageQueryDto, StockPageView } from './dto/stock-page.dto';
import { StockView } from './dto/stock-view.dto';
import { StockService } from './stock.service';

/** People, and sales channels: a shop shows availability. */
export const STOCK_READERS: readonly Role[] = [...STAFF, 'channel'];

@ApiTags('stock')
@Controller('v1/stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @Allow(STOCK_READERS)
  @ApiOkResponse({ type: StockPageView, description: 'Every stocked sku, by sku, a page at a time: follow nextAfterSku until null' })
  @ApiBadRequestResponse({ description: 'afterSku or limit malformed' })
  listStock(@Query() query: StockPageQueryDto): Promise<StockPageView> {
    return this.stock.listStock(query.afterSku, query.limit ?? 100);
  }

  @Get(':sku')
  @Allow(STOCK_READERS)
  @ApiOkResponse({ type: StockView, description: 'On hand, reserved and available, in total and per warehouse' })
  @ApiNotFoundResponse({ description: 'The sku has never been stocked' })
  getStock(@Param('sku') sku: string): Promise<StockView> {
    return this.stock.getStock(sku);
  }
}

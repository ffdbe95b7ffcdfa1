import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StockPageQueryDto, StockPageView } from './dto/stock-page.dto';
import { StockView } from './dto/stock-view.dto';
import { StockService } from './stock.service';

@ApiTags('stock')
@Controller('v1/stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @ApiOkResponse({ type: StockPageView, description: 'Every stocked sku, by sku, a page at a time: follow nextAfterSku until null' })
  @ApiBadRequestResponse({ description: 'afterSku or limit malformed' })
  listStock(@Query() query: StockPageQueryDto): Promise<StockPageView> {
    return this.stock.listStock(query.afterSku, query.limit ?? 100);
  }

  @Get(':sku')
  @ApiOkResponse({ type: StockView, description: 'On hand, reserved and available, in total and per warehouse' })
  @ApiNotFoundResponse({ description: 'The sku has never been stocked' })
  getStock(@Param('sku') sku: string): Promise<StockView> {
    return this.stock.getStock(sku);
  }
}

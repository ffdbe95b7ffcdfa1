import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StockView } from './dto/stock-view.dto';
import { StockService } from './stock.service';

@ApiTags('stock')
@Controller('v1/stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get(':sku')
  @ApiOkResponse({ type: StockView, description: 'On hand, reserved and available, in total and per warehouse' })
  @ApiNotFoundResponse({ description: 'The sku has never been stocked' })
  getStock(@Param('sku') sku: string): Promise<StockView> {
    return this.stock.getStock(sku);
  }
}

import { BadRequestException, Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { STOCK_READERS } from '../stock/stock.controller';
import { AvailabilityListView, AvailabilityQueryDto, AvailabilityView, SafetyStockDto, SafetyStockView } from './dto/availability.dto';
import { AvailabilityService } from './availability.service';

@ApiTags('availability')
@Controller('v1/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Allow(STOCK_READERS)
  @ApiOperation({ summary: 'The figures of the given skus (?sku=A&sku=B), or of every sku whose figure changed since an instant (?changedSince=)' })
  @ApiOkResponse({ type: AvailabilityListView })
  @ApiBadRequestResponse({ description: 'Neither or both of sku and changedSince, or either malformed' })
  list(@Query() query: AvailabilityQueryDto): Promise<AvailabilityListView> {
    if ((query.sku === undefined) === (query.changedSince === undefined)) throw new BadRequestException('give either sku (repeatable) or changedSince');
    return query.sku ? this.availability.ofSkus(query.sku) : this.availability.changedSince(new Date(query.changedSince as string));
  }

  @Get(':sku')
  @Allow(STOCK_READERS)
  @ApiOkResponse({ type: AvailabilityView, description: 'The last figure published for the sku' })
  @ApiNotFoundResponse({ description: 'The sku has never been stocked' })
  get(@Param('sku') sku: string): Promise<AvailabilityView> {
    return this.availability.get(sku);
  }

  @Put(':sku/safety-stock')
  @Allow(['catalogue', 'warehouse'], { action: 'set-safety-stock' })
  @ApiOperation({ summary: 'Holds units of a sku back from the sales channels; its figure is republished when it moves' })
  @ApiOkResponse({ type: SafetyStockView })
  @ApiNotFoundResponse({ description: 'The sku is not in the product master' })
  @ApiBadRequestResponse({ description: 'units is not a whole number from 0 to 1000000' })
  setSafetyStock(@Param('sku') sku: string, @Body() body: SafetyStockDto): Promise<SafetyStockView> {
    return this.availability.setSafetyStock(sku, body.units);
  }
}

import { BadRequestException, Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { ProductView } from './dto/product-view.dto';
import { ProductCatalogueService } from './product-catalogue.service';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;

@ApiTags('products')
@Controller('v1/products')
export class ProductsController {
  constructor(private readonly catalogue: ProductCatalogueService) {}

  @Get(':sku')
  @ApiParam({ name: 'sku', schema: { type: 'string', pattern: SKU.source } })
  @Allow(STAFF, { channelScope: 'orders:read' })
  @ApiOperation({ summary: 'The product as the order service knows it: whether order lines may name its sku' })
  @ApiOkResponse({ type: ProductView })
  @ApiBadRequestResponse({ description: 'Not a sku' })
  @ApiNotFoundResponse({ description: 'No product event has named this sku yet: lines of it are refused' })
  getProduct(@Param('sku') sku: string): Promise<ProductView> {
    if (!SKU.test(sku)) throw new BadRequestException('sku must be 1-64 letters, digits, ".", "_" or "-"');
    return this.catalogue.view(sku);
  }
}

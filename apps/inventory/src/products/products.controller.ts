import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Role } from '@tradeflow/platform';
import { Allow } from '@tradeflow/platform';
import { ProductLoadDto, ProductLoadReportView, ProductPageQueryDto, ProductPageView, ProductView, SingleProductRecordDto } from './dto/product.dto';
import type { CsvRows } from './product-csv';
import { rowsOfCsv, UnreadableCsv } from './product-csv';
import { ProductsService } from './products.service';

/** Who reads the product master: its maintainers, the warehouse, operations and the auditor. */
const PRODUCT_READERS: readonly Role[] = ['catalogue', 'warehouse', 'ops', 'auditor'];
const MAX_ROWS = 5000;

@ApiTags('products')
@Controller('v1/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Put()
  @HttpCode(200)
  @Allow(['catalogue'], { action: 'load-products' })
  @ApiOperation({ summary: 'Creates or changes up to 5000 products: good rows are applied, each bad row is reported' })
  @ApiBody({ type: ProductLoadDto })
  @ApiOkResponse({ type: ProductLoadReportView })
  @ApiBadRequestResponse({ description: 'The body is not { products: [...] } with 1 to 5000 entries' })
  load(@Body() body: unknown): Promise<ProductLoadReportView> {
    const products = (body as { products?: unknown } | undefined)?.products;
    if (!Array.isArray(products) || products.length < 1 || products.length > MAX_ROWS) {
      throw new BadRequestException(`products must be a list of 1 to ${MAX_ROWS} product records`);
    }
    const notObject = products.findIndex((product) => typeof product !== 'object' || product === null || Array.isArray(product));
    if (notObject >= 0) throw new BadRequestException(`products[${notObject}] must be an object of product fields`);
    const unexpected = Object.keys(body as object).filter((property) => property !== 'products');
    if (unexpected.length > 0) throw new BadRequestException(`property ${unexpected[0]} should not exist: the body is { products: [...] }`);
    return this.products.load(products.map((input, index) => ({ row: index + 1, input })));
  }

  @Post('import')
  @HttpCode(200)
  @Allow(['catalogue'], { action: 'import-products' })
  @ApiOperation({ summary: 'Loads products from CSV: a header row of record fields, gtins and excludedWarehouses separated by "|"' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'sku,version,name,unitOfMeasure,taxClass,gtins\nSKU-RED-MUG,7,Red mug,C62,STANDARD,4006381333931\n' } })
  @ApiOkResponse({ type: ProductLoadReportView, description: 'As PUT /v1/products; rows are numbered by CSV line (the header is line 1)' })
  // Any text is a well-formed body; what it says is checked here, hence 422 rather than 400.
  @ApiUnprocessableEntityResponse({ description: 'Unreadable CSV, unknown or missing columns, no rows or more than 5000' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not sent as content-type: text/csv' })
  import(@Body() csv: unknown): Promise<ProductLoadReportView> {
    if (typeof csv !== 'string') throw new UnsupportedMediaTypeException('send the CSV with content-type: text/csv');
    const { rows, rejected } = readCsv(csv);
    const count = rows.length + rejected.length;
    if (count < 1 || count > MAX_ROWS) throw new UnprocessableEntityException(`the CSV must hold 1 to ${MAX_ROWS} products, it holds ${count}`);
    return this.products.load(rows, rejected);
  }

  @Get()
  @Allow(PRODUCT_READERS)
  @ApiOkResponse({ type: ProductPageView, description: 'Products by sku, a page at a time: follow nextAfter until null' })
  @ApiBadRequestResponse({ description: 'status, after or limit malformed' })
  list(@Query() query: ProductPageQueryDto): Promise<ProductPageView> {
    return this.products.list(query.status, query.after, query.limit ?? 100);
  }

  @Get(':sku')
  @Allow(PRODUCT_READERS)
  @ApiOkResponse({ type: ProductView })
  @ApiNotFoundResponse({ description: 'The sku is not in the product master' })
  get(@Param('sku') sku: string): Promise<ProductView> {
    return this.products.get(sku);
  }

  @Put(':sku')
  @Allow(['catalogue'], { action: 'put-product' })
  @ApiOperation({ summary: 'Creates or changes one product; the sku is the path’s' })
  @ApiBody({ type: SingleProductRecordDto })
  @ApiOkResponse({ type: ProductView, description: 'The product as stored (also when this version was stored already)' })
  @ApiConflictResponse({ description: 'The version is older than the stored one, or the stored one with different content' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid record; errors name each field' })
  put(@Param('sku') sku: string, @Body() body: unknown): Promise<ProductView> {
    return this.products.put(sku, body);
  }
}

function readCsv(csv: string): CsvRows {
  try {
    return rowsOfCsv(csv);
  } catch (error) {
    if (error instanceof UnreadableCsv) throw new UnprocessableEntityException(error.message);
    throw error;
  }
}

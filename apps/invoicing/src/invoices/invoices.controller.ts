import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { DOCUMENT_READERS } from '../document-readers';
import { DEFAULT_PAGE_SIZE, pagingMixedWithOrder } from './dto/document-query.dto';
import { InvoiceQueryDto } from './dto/invoice-query.dto';
import { InvoicePageView, InvoiceView } from './dto/invoice-view.dto';
import { InvoicesService } from './invoices.service';

@ApiTags('invoices')
@ApiExtraModels(InvoiceView, InvoicePageView)
@Controller('v1/invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @Allow(DOCUMENT_READERS)
  @ApiOkResponse({
    description:
      "With orderId: the order's invoices by number (empty for an order with none). Without: every invoice, a page at a time; " +
      'with customerId only the invoices issued to that id (after a CRM merge they keep the id they were issued to: ask for each merged id)',
    schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(InvoiceView) } }, { $ref: getSchemaPath(InvoicePageView) }] },
    links: { GetInvoice: { operationId: 'InvoicesController_getInvoice', parameters: { id: '$response.body#/items/0/id' } } },
  })
  @ApiBadRequestResponse({ description: 'orderId or afterId not a UUID, a bad limit or customerId, or orderId together with afterId/limit/customerId' })
  list(@Query() query: InvoiceQueryDto): Promise<InvoiceView[] | InvoicePageView> {
    if (pagingMixedWithOrder(query)) throw new BadRequestException('orderId lists one order; afterId and limit page through all invoices: not both');
    if (query.orderId && query.customerId) throw new BadRequestException("orderId lists one order; customerId pages through a customer's invoices: not both");
    if (query.orderId) return this.invoices.invoicesOfOrder(query.orderId);
    return this.invoices.listInvoices(query.afterId, query.limit ?? DEFAULT_PAGE_SIZE, query.customerId);
  }

  @Get(':id')
  @Allow(DOCUMENT_READERS)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InvoiceView, description: 'Lines, totals, payment status and the payments' })
  @ApiNotFoundResponse({ description: 'No invoice with this id' })
  getInvoice(@Param('id', new ParseUUIDPipe()) id: string): Promise<InvoiceView> {
    return this.invoices.getInvoice(id);
  }
}

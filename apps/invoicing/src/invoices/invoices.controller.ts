import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvoiceView } from './dto/invoice-view.dto';
import { OrderFilterDto } from './dto/order-filter.dto';
import { InvoicesService } from './invoices.service';

@ApiTags('invoices')
@Controller('v1/invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @ApiOkResponse({ type: [InvoiceView], description: "The order's invoices by number; empty for an order with none" })
  @ApiBadRequestResponse({ description: 'orderId missing or not a UUID' })
  invoicesOfOrder(@Query() filter: OrderFilterDto): Promise<InvoiceView[]> {
    return this.invoices.invoicesOfOrder(filter.orderId);
  }

  @Get(':id')
  @ApiOkResponse({ type: InvoiceView, description: 'Lines, totals, payment status and the payments' })
  @ApiNotFoundResponse({ description: 'No invoice with this id' })
  getInvoice(@Param('id', new ParseUUIDPipe()) id: string): Promise<InvoiceView> {
    return this.invoices.getInvoice(id);
  }
}

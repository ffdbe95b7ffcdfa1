import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { ReceiptView, ReceiveStockDto } from './dto/receipt.dto';
import { ReceiptsService } from './receipts.service';

@ApiTags('stock')
@Controller('v1/stock/receipts')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Post()
  @HttpCode(201)
  @Allow(['warehouse'], { action: 'receive-stock' })
  @ApiCreatedResponse({ type: ReceiptView, description: 'Booked in, or the first answer for a repeated receiptId' })
  @ApiBadRequestResponse({ description: 'Invalid body; the message names the field' })
  @ApiConflictResponse({ description: 'receiptId reused with different lines' })
  @ApiUnprocessableEntityResponse({ description: 'A line names a sku that is not in the product master; the message names each such line and sku' })
  receive(@Body() receipt: ReceiveStockDto): Promise<ReceiptView> {
    return this.receipts.receive(receipt);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrderFilterDto } from '../invoices/dto/order-filter.dto';
import { CreditNotesService } from './credit-notes.service';
import { CreditNoteView } from './dto/credit-note-view.dto';

@ApiTags('credit-notes')
@Controller('v1/credit-notes')
export class CreditNotesController {
  constructor(private readonly creditNotes: CreditNotesService) {}

  @Get()
  @ApiOkResponse({ type: [CreditNoteView], description: "The order's credit notes by number; empty for an order with none" })
  @ApiBadRequestResponse({ description: 'orderId missing or not a UUID' })
  creditNotesOfOrder(@Query() filter: OrderFilterDto): Promise<CreditNoteView[]> {
    return this.creditNotes.creditNotesOfOrder(filter.orderId);
  }

  @Get(':id')
  @ApiOkResponse({ type: CreditNoteView })
  @ApiNotFoundResponse({ description: 'No credit note with this id' })
  getCreditNote(@Param('id', new ParseUUIDPipe()) id: string): Promise<CreditNoteView> {
    return this.creditNotes.getCreditNote(id);
  }
}

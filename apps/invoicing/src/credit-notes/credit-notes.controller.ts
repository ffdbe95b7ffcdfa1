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
import { DEFAULT_PAGE_SIZE, DocumentQueryDto, pagingMixedWithOrder } from '../invoices/dto/document-query.dto';
import { CreditNotesService } from './credit-notes.service';
import { CreditNotePageView, CreditNoteView } from './dto/credit-note-view.dto';

@ApiTags('credit-notes')
@ApiExtraModels(CreditNoteView, CreditNotePageView)
@Controller('v1/credit-notes')
export class CreditNotesController {
  constructor(private readonly creditNotes: CreditNotesService) {}

  @Get()
  @Allow(DOCUMENT_READERS)
  @ApiOkResponse({
    description: "With orderId: the order's credit notes by number (empty for an order with none). Without: every credit note, a page at a time",
    schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(CreditNoteView) } }, { $ref: getSchemaPath(CreditNotePageView) }] },
    links: { GetCreditNote: { operationId: 'CreditNotesController_getCreditNote', parameters: { id: '$response.body#/items/0/id' } } },
  })
  @ApiBadRequestResponse({ description: 'orderId or afterId not a UUID, a bad limit, or orderId together with afterId/limit' })
  list(@Query() query: DocumentQueryDto): Promise<CreditNoteView[] | CreditNotePageView> {
    if (pagingMixedWithOrder(query)) throw new BadRequestException('orderId lists one order; afterId and limit page through all credit notes: not both');
    if (query.orderId) return this.creditNotes.creditNotesOfOrder(query.orderId);
    return this.creditNotes.listCreditNotes(query.afterId, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get(':id')
  @Allow(DOCUMENT_READERS)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CreditNoteView })
  @ApiNotFoundResponse({ description: 'No credit note with this id' })
  getCreditNote(@Param('id', new ParseUUIDPipe()) id: string): Promise<CreditNoteView> {
    return this.creditNotes.getCreditNote(id);
  }
}

import { BadRequestException, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { ReturnView } from './dto/return-view.dto';
import { ReturnsQueryDto } from './dto/returns-query.dto';
import { ReturnsService } from './returns.service';

const RETURN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function returnId(id: string): string {
  if (!RETURN_ID.test(id)) throw new BadRequestException('return id must be 1-128 letters, digits, ".", "_", ":" or "-"');
  return id;
}

@ApiTags('returns')
@Controller('v1/returns')
export class ReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  @Get()
  @Allow(STAFF)
  @ApiOkResponse({
    type: [ReturnView],
    description: "The order's returns, oldest first (empty if none)",
    links: {
      GetReturn: { operationId: 'ReturnsController_get', parameters: { id: '$response.body#/0/id' } },
      ReceiveReturn: { operationId: 'ReturnsController_receive', parameters: { id: '$response.body#/0/id' } },
    },
  })
  @ApiBadRequestResponse({ description: 'orderId missing or not a UUID' })
  list(@Query() query: ReturnsQueryDto): Promise<ReturnView[]> {
    return this.returns.listForOrder(query.orderId);
  }

  @Get(':id')
  @Allow(STAFF)
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: RETURN_ID.source } })
  @ApiOkResponse({ type: ReturnView })
  @ApiNotFoundResponse({ description: 'No such return (ReturnRequested not seen yet)' })
  get(@Param('id') id: string): Promise<ReturnView> {
    return this.returns.getReturn(returnId(id));
  }

  @Post(':id/receive')
  @Allow(['warehouse'], { action: 'receive-return' })
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: RETURN_ID.source } })
  @HttpCode(200)
  @ApiOkResponse({ type: ReturnView, description: 'Received (ReturnReceived), each line with the warehouse it went back to' })
  @ApiNotFoundResponse({ description: 'No such return' })
  @ApiConflictResponse({ description: 'Already received, or more returned than was dispatched; the message says which' })
  receive(@Param('id') id: string): Promise<ReturnView> {
    return this.returns.receive(returnId(id));
  }
}

import { BadRequestException, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow, STAFF } from '@tradeflow/platform';
import { ShipmentPageView, ShipmentView } from './dto/shipment-view.dto';
import { ShipmentsQueryDto } from './dto/shipments-query.dto';
import { ShipmentsService } from './shipments.service';

const shipmentId = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('shipment id must be a UUID') });

@ApiTags('shipments')
@ApiExtraModels(ShipmentView, ShipmentPageView)
@Controller('v1/shipments')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Get()
  @Allow(STAFF)
  @ApiOkResponse({
    description: "With orderId: the order's shipments, oldest first (empty if none). Without: every shipment, a page at a time",
    schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(ShipmentView) } }, { $ref: getSchemaPath(ShipmentPageView) }] },
    // A page leads to its first shipment (what a warehouse client does next, and the stateful fuzzer).
    links: {
      GetShipment: { operationId: 'ShipmentsController_get', parameters: { id: '$response.body#/items/0/id' } },
      Dispatch: { operationId: 'ShipmentsController_dispatch', parameters: { id: '$response.body#/items/0/id' } },
      RetryLabel: { operationId: 'ShipmentsController_retryLabel', parameters: { id: '$response.body#/items/0/id' } },
    },
  })
  @ApiBadRequestResponse({ description: 'orderId or afterId not a UUID, a bad limit, or orderId together with afterId/limit' })
  list(@Query() query: ShipmentsQueryDto): Promise<ShipmentView[] | ShipmentPageView> {
    if (query.orderId === undefined) return this.shipments.listAll(query.afterId, query.limit ?? 100);
    if (query.afterId !== undefined || query.limit !== undefined) {
      throw new BadRequestException('orderId lists one order; afterId and limit page through all shipments: not both');
    }
    return this.shipments.listForOrder(query.orderId);
  }

  @Get(':id')
  @Allow(STAFF)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ShipmentView })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such shipment' })
  get(@Param('id', shipmentId) id: string): Promise<ShipmentView> {
    return this.shipments.getShipment(id);
  }

  @Post(':id/dispatch')
  @Allow(['warehouse'], { action: 'dispatch-shipment' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(200)
  @ApiOkResponse({ type: ShipmentView, description: 'Dispatched (ShipmentDispatched), or already dispatched: the same view, nothing published' })
  @ApiNotFoundResponse({ description: 'No such shipment' })
  @ApiConflictResponse({ description: 'Not LABELLED (waiting for a label, label failed, or cancelled); the message says which' })
  dispatch(@Param('id', shipmentId) id: string): Promise<ShipmentView> {
    return this.shipments.dispatch(id);
  }

  @Post(':id/retry-label')
  @Allow(['ops', 'warehouse'], { action: 'retry-label' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(200)
  @ApiOkResponse({ type: ShipmentView, description: 'Back to LABEL_PENDING with a new round of carrier attempts' })
  @ApiNotFoundResponse({ description: 'No such shipment' })
  @ApiConflictResponse({ description: 'The shipment is not LABEL_FAILED' })
  retryLabel(@Param('id', shipmentId) id: string): Promise<ShipmentView> {
    return this.shipments.retryLabel(id);
  }
}

import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { VerifiedSignature } from '@tradeflow/platform';
import { SignedBy, VerifiedWebhook } from '@tradeflow/platform';
import { CarrierEventDto } from './dto/carrier-event.dto';
import { ShipmentView } from './dto/shipment-view.dto';
import { ShipmentsService } from './shipments.service';

/** The part of Express's response this controller touches, so the app needs no Express types. */
interface StatusSetter {
  status(code: number): unknown;
}

@ApiTags('carrier')
@Controller('v1/carrier/events')
export class CarrierEventsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Post()
  @SignedBy('carrier')
  @ApiOkResponse({
    type: ShipmentView,
    description:
      'DELIVERED: delivered (ShipmentDelivered); FAILED_ATTEMPT: attempt counted, RETURNED_TO_SENDER, LOST, DAMAGED: status set ' +
      '(ShipmentException); a status the shipment already has: same view, nothing published',
  })
  @ApiAcceptedResponse({ type: ShipmentView, description: 'IN_TRANSIT: acknowledged, nothing changes' })
  @ApiBadRequestResponse({ description: 'Invalid body; the message names the field' })
  @ApiNotFoundResponse({ description: 'Unknown tracking number' })
  @ApiConflictResponse({ description: 'A status the shipment cannot take: it was not dispatched, or it is already delivered, returned or damaged' })
  async receive(
    @Body() body: CarrierEventDto,
    @VerifiedWebhook() proof: VerifiedSignature,
    @Res({ passthrough: true }) response: StatusSetter,
  ): Promise<ShipmentView> {
    const shipment = await this.shipments.carrierEvent(body.trackingNumber, body.status, body.detail ?? null, proof);
    response.status(body.status === 'IN_TRANSIT' ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return shipment;
  }
}

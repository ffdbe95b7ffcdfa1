import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ReturnReceived, ShipmentCancelled, ShipmentDelivered, ShipmentDispatched, ShipmentException, ShipmentLabelFailed, ShipmentLabelled } from '@tradeflow/events';
import { EventContext } from '@tradeflow/messaging';
import { ShipmentEventsService } from './shipment-events.service';

@Controller()
export class ShipmentEventsHandler {
  constructor(private readonly shipments: ShipmentEventsService) {}

  @EventPattern('ShipmentLabelFailed')
  shipmentLabelFailed(@Payload() event: ShipmentLabelFailed, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.recordLabelFailure(event, context.unitOfWork);
  }

  @EventPattern('ShipmentLabelled')
  shipmentLabelled(@Payload() event: ShipmentLabelled, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.forgetLabelFailure(event, context.unitOfWork);
  }

  @EventPattern('ShipmentCancelled')
  shipmentCancelled(@Payload() event: ShipmentCancelled, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.forgetLabelFailure(event, context.unitOfWork);
  }

  @EventPattern('ShipmentDispatched')
  shipmentDispatched(@Payload() event: ShipmentDispatched, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.recordDispatch(event, context.unitOfWork);
  }

  @EventPattern('ShipmentDelivered')
  shipmentDelivered(@Payload() event: ShipmentDelivered, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.recordDelivery(event, context.unitOfWork);
  }

  @EventPattern('ShipmentException')
  shipmentException(@Payload() event: ShipmentException, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.recordException(event, context.unitOfWork);
  }

  @EventPattern('ReturnReceived')
  returnReceived(@Payload() event: ReturnReceived, @Ctx() context: EventContext): Promise<void> {
    return this.shipments.recordReturnReceipt(event, context.unitOfWork);
  }
}

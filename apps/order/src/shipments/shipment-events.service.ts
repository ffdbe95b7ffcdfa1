import { Injectable } from '@nestjs/common';
import type { ReturnReceived, ShipmentDelivered, ShipmentDispatched, ShipmentException, ShipmentLabelFailed } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { EventMismatchError } from '../orders/event-mismatch.error';
import { addToLines } from '../orders/line-quantities';
import { assignLines, OrderChangesService } from '../orders/order-changes.service';
import { OrderReturn } from '../orders/order-return.entity';
import type { ReturnLine } from '../orders/order-return.entity';
import { OrderLabelFailure } from '../orders/order-label-failure.entity';
import { CARRIER_EXCEPTIONS, OrderShipment } from '../orders/order-shipment.entity';
import type { CarrierException } from '../orders/order-shipment.entity';

/** Shipping's reports: a label refused (until made), goods left (shipped), arrived (delivered) or not (carrier exceptions), came back (returned). */
@Injectable()
export class ShipmentEventsService {
  constructor(private readonly changes: OrderChangesService) {}

  /** The order waits for someone to retry the label: it shows on the timeline and as a stuck order. */
  async recordLabelFailure(event: ShipmentLabelFailed, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.changes.apply(unit, event.orderId, async (order) => {
      const failure = { orderId: order.id, reason: event.reason, attempts: event.attempts, failedAt: new Date(event.occurredAt) };
      await manager.upsert(OrderLabelFailure, { shipmentId: event.shipmentId, ...failure }, ['shipmentId']);
      return { event: event.eventType, detail: `label of shipment ${event.shipmentId} failed after ${event.attempts} attempt(s): ${event.reason}` };
    });
  }

  /** Labelled or cancelled: a failed label no longer holds the order up. Nothing else of the order changes. */
  async forgetLabelFailure(event: { shipmentId: string }, unit: UnitOfWork): Promise<void> {
    await unit.manager.delete(OrderLabelFailure, { shipmentId: event.shipmentId });
  }

  async recordDispatch(event: ShipmentDispatched, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.changes.apply(unit, event.orderId, async (order) => {
      if (await manager.existsBy(OrderShipment, { shipmentId: event.shipmentId })) return null;
      await manager.delete(OrderLabelFailure, { shipmentId: event.shipmentId });
      await manager.insert(OrderShipment, {
        shipmentId: event.shipmentId,
        orderId: order.id,
        warehouse: event.warehouse,
        trackingNumber: event.trackingNumber,
        dispatchedAt: new Date(event.occurredAt),
        deliveredAt: null,
      });
      assignLines(order.lines, addToLines(order.lines, 'shipped', event.lines));
      const what = event.lines.map((line) => `${line.quantity}×${line.sku}`).join(', ');
      return { event: event.eventType, detail: `shipment ${event.shipmentId} from ${event.warehouse}: ${what} (tracking ${event.trackingNumber})` };
    });
  }

  async recordDelivery(event: ShipmentDelivered, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.changes.apply(unit, event.orderId, async () => {
      const shipment = await manager.findOneBy(OrderShipment, { shipmentId: event.shipmentId, orderId: event.orderId });
      if (!shipment) throw new EventMismatchError(`delivery of shipment ${event.shipmentId}, which was never dispatched`);
      if (shipment.deliveredAt) return null;
      // A lost parcel that turns up delivered no longer waits for anyone; the timeline keeps that it was lost.
      await manager.update(OrderShipment, { shipmentId: shipment.shipmentId }, { deliveredAt: new Date(event.occurredAt), exception: null });
      return { event: event.eventType, detail: `shipment ${event.shipmentId} delivered (tracking ${event.trackingNumber})` };
    });
  }

  /**
   * A failed delivery attempt counts on the shipment (the carrier tries again); RETURNED_TO_SENDER,
   * LOST or DAMAGED becomes the shipment's open exception, which puts the order on the stuck list
   * until the shipment is delivered after all. Either way the order's status stays: the goods left.
   */
  async recordException(event: ShipmentException, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.changes.apply(unit, event.orderId, async () => {
      const shipment = await manager.findOneBy(OrderShipment, { shipmentId: event.shipmentId, orderId: event.orderId });
      if (!shipment) throw new EventMismatchError(`${event.kind} of shipment ${event.shipmentId}, which was never dispatched`);
      const said = event.detail ? `: ${event.detail}` : '';
      if (event.kind === 'FAILED_ATTEMPT') {
        await manager.update(OrderShipment, { shipmentId: shipment.shipmentId }, { deliveryAttempts: Math.max(shipment.deliveryAttempts, event.attempt) });
        return { event: event.eventType, detail: `shipment ${event.shipmentId}: delivery attempt ${event.attempt} failed${said}` };
      }
      const exception = carrierException(event.kind);
      await manager.update(OrderShipment, { shipmentId: shipment.shipmentId }, { exception, exceptionDetail: event.detail, exceptionAt: new Date(event.occurredAt) });
      return { event: event.eventType, detail: `shipment ${event.shipmentId} ${exception.toLowerCase().replaceAll('_', ' ')} (tracking ${event.trackingNumber})${said}` };
    });
  }

  async recordReturnReceipt(event: ReturnReceived, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    await this.changes.apply(unit, event.orderId, async (order) => {
      const known = await manager.findOneBy(OrderReturn, { returnId: event.returnId, orderId: event.orderId });
      if (known?.status === 'RECEIVED') return null;
      assignLines(order.lines, addToLines(order.lines, 'returned', event.lines));
      const receivedAt = new Date(event.occurredAt);
      if (known) await manager.update(OrderReturn, { returnId: event.returnId }, { status: 'RECEIVED', receivedAt });
      else await manager.insert(OrderReturn, { returnId: event.returnId, orderId: order.id, status: 'RECEIVED', lines: perLine(event.lines), receivedAt });
      const what = event.lines.map((line) => `${line.quantity}×${line.sku}@${line.warehouse}`).join(', ');
      return { event: event.eventType, detail: `return ${event.returnId} received: ${what}` };
    });
  }
}

/** ShipmentException.kind is a string on the wire: a kind this service does not know is refused (and dead-lettered), not guessed. */
function carrierException(kind: string): CarrierException {
  const known = CARRIER_EXCEPTIONS.find((candidate) => candidate === kind);
  if (!known) throw new EventMismatchError(`unknown carrier exception ${kind}`);
  return known;
}

/** A return received across warehouses, summed per line. */
function perLine(lines: readonly ReturnLine[]): ReturnLine[] {
  const sums = new Map<number, ReturnLine>();
  for (const { lineNo, sku, quantity } of lines) {
    const sum = sums.get(lineNo);
    if (sum) sum.quantity += quantity;
    else sums.set(lineNo, { lineNo, sku, quantity });
  }
  return [...sums.values()];
}

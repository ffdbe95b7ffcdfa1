import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { OrderedLine } from '../orders/ordered-line.entity';
import { ReservedQuantity } from '../orders/reserved-quantity.entity';
import type { ShippingOrder } from '../orders/shipping-order.entity';
import { notifyLabelQueue } from './label-queue.queries';
import type { ShipmentLine } from './shipment-planning';
import { planShipments } from './shipment-planning';
import { Shipment } from './shipment.entity';

const eventLines = (lines: ShipmentLine[]) => lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity }));

/** Applies the planning rule to one order inside the consumer's transaction. */
@Injectable()
export class ShipmentPlanner {
  /**
   * `order` must be locked by the caller. Cancels and creates shipments as `planShipments` says and
   * publishes ShipmentCancelled / ShipmentCreated; new shipments wait for the label worker.
   */
  async replan(unit: UnitOfWork, order: ShippingOrder, releaseReason?: string): Promise<void> {
    const { manager } = unit;
    const { orderId } = order;
    const lines = await manager.find(OrderedLine, { where: { orderId } });
    const reserved = await manager.find(ReservedQuantity, { where: { orderId } });
    const shipments = await manager.find(Shipment, {
      where: { orderId },
      order: { createdAt: 'ASC', warehouse: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const facts = {
      known: order.placed,
      cancelled: order.cancelledAt !== null,
      allowPartialShipment: order.allowPartialShipment,
      lines: lines.map(({ lineNo, sku, ordered }) => ({ lineNo, sku, ordered })),
    };
    const plan = planShipments(facts, reserved, shipments, releaseReason);

    for (const { shipmentId, reason } of plan.cancel) {
      const shipment = shipments.find((candidate) => candidate.id === shipmentId);
      if (!shipment) continue;
      Object.assign(shipment, {
        status: 'CANCELLED',
        cancelReason: reason,
        cancelledAt: new Date(),
        labelClaim: null,
        nextLabelAttemptAt: null,
        version: shipment.version + 1,
      });
      await manager.save(shipment);
      unit.publish(
        'ShipmentCancelled',
        { orderId, shipmentId, warehouse: shipment.warehouse, reason, lines: eventLines(shipment.lines) },
        { id: shipmentId, version: shipment.version },
      );
    }

    for (const { warehouse, lines: shipmentLines } of plan.create) {
      const id = randomUUID();
      const created = unit.publish('ShipmentCreated', { orderId, shipmentId: id, warehouse, lines: eventLines(shipmentLines) }, { id, version: 1 });
      await manager.insert(Shipment, {
        id,
        orderId,
        warehouse,
        status: 'LABEL_PENDING',
        lines: eventLines(shipmentLines),
        labelAttempts: 0,
        nextLabelAttemptAt: () => 'now()',
        version: 1,
        correlationId: unit.origin.correlationId,
        createdEventId: created.eventId,
      });
    }
    if (plan.create.length > 0) await notifyLabelQueue(manager);
  }
}

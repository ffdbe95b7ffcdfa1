import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import { TransactionRunner } from '@tradeflow/messaging';
import type { VerifiedSignature } from '@tradeflow/platform';
import { useWebhookSignature } from '@tradeflow/platform';
import { DataSource, MoreThan } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import type { CarrierEventStatus } from './carrier-transition';
import { carrierTransition } from './carrier-transition';
import type { ShipmentPageView, ShipmentView } from './dto/shipment-view.dto';
import { notifyLabelQueue } from './label-queue.queries';
import { isDispatched } from './shipment-status';
import { toShipmentView } from './shipment-view';
import { Shipment } from './shipment.entity';

const lines = (shipment: Shipment) => shipment.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity }));

/** What the warehouse and the carrier do to a shipment over HTTP. */
@Injectable()
export class ShipmentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly dataSource: DataSource,
  ) {}

  async getShipment(id: string): Promise<ShipmentView> {
    const shipment = await this.dataSource.manager.findOneBy(Shipment, { id });
    if (!shipment) throw new NotFoundException(`Shipment ${id} not found`);
    return toShipmentView(shipment);
  }

  async listForOrder(orderId: string): Promise<ShipmentView[]> {
    const shipments = await this.dataSource.manager.find(Shipment, { where: { orderId }, order: { createdAt: 'ASC', warehouse: 'ASC', id: 'ASC' } });
    return shipments.map(toShipmentView);
  }

  /** Every shipment in id order, a page at a time. */
  async listAll(afterId: string | undefined, limit: number): Promise<ShipmentPageView> {
    const shipments = await this.dataSource.manager.find(Shipment, {
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const page = shipments.slice(0, limit);
    return { items: page.map(toShipmentView), nextAfterId: shipments.length > limit ? page[page.length - 1].id : null };
  }

  /**
   * LABELLED → DISPATCHED with ShipmentDispatched. Idempotent: a shipment already dispatched (or
   * delivered since) answers its current view and publishes nothing.
   */
  dispatch(id: string): Promise<ShipmentView> {
    return this.withShipment(id, async (shipment, unit) => {
      if (isDispatched(shipment.status)) return toShipmentView(shipment);
      const { trackingNumber } = shipment;
      if (shipment.status !== 'LABELLED' || !trackingNumber) {
        throw new ConflictException(`Shipment ${id} cannot be dispatched: it is ${shipment.status}${whyNot(shipment)}; only LABELLED shipments can`);
      }
      Object.assign(shipment, { status: 'DISPATCHED', dispatchedAt: new Date(), version: shipment.version + 1 });
      await unit.manager.save(shipment);
      unit.publish(
        'ShipmentDispatched',
        { orderId: shipment.orderId, shipmentId: id, warehouse: shipment.warehouse, trackingNumber, lines: lines(shipment) },
        { id, version: shipment.version },
        shipment.correlationId,
      );
      return toShipmentView(shipment);
    });
  }

  /** LABEL_FAILED → LABEL_PENDING with a fresh round of attempts; the label worker is woken at commit. */
  retryLabel(id: string): Promise<ShipmentView> {
    return this.withShipment(id, async (shipment, unit) => {
      if (shipment.status !== 'LABEL_FAILED') {
        throw new ConflictException(`Shipment ${id} is ${shipment.status}: only a LABEL_FAILED shipment can retry its label`);
      }
      Object.assign(shipment, { status: 'LABEL_PENDING', labelAttempts: 0, nextLabelAttemptAt: new Date(), labelClaim: null });
      await unit.manager.save(shipment);
      await notifyLabelQueue(unit.manager);
      return toShipmentView(shipment);
    });
  }

  /**
   * The carrier's signed webhook; carrierTransition decides what the status does to the shipment.
   * DELIVERED → ShipmentDelivered; FAILED_ATTEMPT counts the attempt and RETURNED_TO_SENDER, LOST or
   * DAMAGED set that status, each → ShipmentException. A status the shipment already has answers
   * the same view and publishes nothing; IN_TRANSIT changes nothing. The signature is used up in the
   * same transaction: a replay is refused, while an event refused here (unknown tracking number, a
   * transition the rule refuses) leaves it unused and may be sent again.
   */
  carrierEvent(trackingNumber: string, status: CarrierEventStatus, detail: string | null, proof: VerifiedSignature): Promise<ShipmentView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: trackingNumber }, async (unit) => {
      await useWebhookSignature(unit.manager, proof);
      const shipment = await unit.manager.findOne(Shipment, { where: { trackingNumber }, lock: { mode: 'pessimistic_write' } });
      if (!shipment) throw new NotFoundException(`No shipment has tracking number ${trackingNumber}`);
      const transition = carrierTransition(shipment.status, status);
      if (transition.kind === 'UNCHANGED') return toShipmentView(shipment);
      if (transition.kind === 'REFUSE') throw new ConflictException(`Shipment ${shipment.id} (tracking ${trackingNumber}) ${transition.reason}`);

      const now = new Date();
      if (transition.kind === 'DELIVER') Object.assign(shipment, { status: 'DELIVERED', deliveredAt: now });
      else if (transition.kind === 'COUNT_ATTEMPT') {
        Object.assign(shipment, { deliveryAttempts: shipment.deliveryAttempts + 1, lastAttemptAt: now, lastAttemptDetail: detail });
      } else Object.assign(shipment, { status: transition.status, exceptionAt: now, exceptionDetail: detail });
      shipment.version += 1;
      await unit.manager.save(shipment);
      const aggregate = { id: shipment.id, version: shipment.version };
      if (transition.kind === 'DELIVER') {
        unit.publish('ShipmentDelivered', { orderId: shipment.orderId, shipmentId: shipment.id, trackingNumber }, aggregate, shipment.correlationId);
      } else {
        unit.publish(
          'ShipmentException',
          { orderId: shipment.orderId, shipmentId: shipment.id, trackingNumber, kind: status, attempt: shipment.deliveryAttempts, detail },
          aggregate,
          shipment.correlationId,
        );
      }
      return toShipmentView(shipment);
    });
  }

  private withShipment<T>(id: string, work: (shipment: Shipment, unit: UnitOfWork) => Promise<T>): Promise<T> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: id }, async (unit) => {
      const shipment = await unit.manager.findOne(Shipment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!shipment) throw new NotFoundException(`Shipment ${id} not found`);
      return work(shipment, unit);
    });
  }
}

function whyNot(shipment: Shipment): string {
  if (shipment.status === 'CANCELLED') return ` (${shipment.cancelReason ?? 'cancelled'})`;
  if (shipment.status === 'LABEL_PENDING') return ' (waiting for its label)';
  if (shipment.status === 'LABEL_FAILED') return ` (${shipment.lastLabelError ?? 'label failed'}; POST retry-label first)`;
  return '';
}

import { Injectable } from '@nestjs/common';
import type { EventPayload } from '@tradeflow/events';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import type { OrderView } from './dto/order-view.dto';
import type { PlaceOrderDto } from './dto/place-order.dto';
import { addTimeline } from './order-changes.service';
import { OrderInvoice } from './order-invoice.entity';
import { NO_PROGRESS } from './order-line.entity';
import { OrderNotFoundError } from './order-not-found.error';
import { OrderReturn } from './order-return.entity';
import { OrderShipment } from './order-shipment.entity';
import { OrderTimelineEntry } from './order-timeline-entry.entity';
import { toOrderView } from './order-view';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly dataSource: DataSource,
  ) {}

  /** Stores the order and publishes OrderPlaced and OrderApproved (customer checks come with crm-sync). */
  placeOrder(dto: PlaceOrderDto, channel: string, request: IdempotentRequest): Promise<OrderView> {
    const orderId = randomUUID();
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<OrderView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const order = unit.manager.create(Order, {
        id: orderId,
        channel,
        customerId: dto.customerId,
        currency: dto.currency,
        allowPartialShipment: dto.allowPartialShipment ?? false,
        shippingAddress: { ...dto.shippingAddress, line2: dto.shippingAddress.line2 ?? null },
        status: 'APPROVED',
        version: 2,
        lines: dto.lines.map((line, index) => ({ ...line, lineNo: index + 1, ...NO_PROGRESS })),
      });
      await unit.manager.save(order);
      unit.publish('OrderPlaced', placedPayload(order), { id: orderId, version: 1 });
      unit.publish('OrderApproved', approvedPayload(order), { id: orderId, version: 2 });
      await addTimeline(unit.manager, orderId, [
        { event: 'OrderPlaced', status: 'PLACED', detail: `via ${channel}` },
        { event: 'OrderApproved', status: 'APPROVED', detail: null },
      ]);

      const view = await this.view(unit.manager, orderId);
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }

  getOrder(orderId: string): Promise<OrderView> {
    return this.view(this.dataSource.manager, orderId);
  }

  /** The order as the API shows it, read with `manager` (inside a write's transaction, its own writes). */
  async view(manager: EntityManager, orderId: string): Promise<OrderView> {
    const order = await manager.findOneBy(Order, { id: orderId });
    if (!order) throw new OrderNotFoundError(orderId);
    const where = { orderId };
    return toOrderView({
      order,
      timeline: await manager.find(OrderTimelineEntry, { where, order: { id: 'ASC' } }),
      shipments: await manager.find(OrderShipment, { where, order: { dispatchedAt: 'ASC', shipmentId: 'ASC' } }),
      invoices: await manager.find(OrderInvoice, { where, order: { issuedAt: 'ASC', invoiceId: 'ASC' } }),
      returns: await manager.find(OrderReturn, { where, order: { requestedAt: 'ASC', returnId: 'ASC' } }),
    });
  }
}

function placedPayload(order: Order): EventPayload<'OrderPlaced'> {
  return {
    orderId: order.id,
    channel: order.channel,
    customerId: order.customerId,
    currency: order.currency,
    allowPartialShipment: order.allowPartialShipment,
    shippingAddress: order.shippingAddress,
    lines: order.lines.map(({ lineNo, sku, quantity, unitPriceMinor, taxRateBp }) => ({
      lineNo,
      sku,
      quantity,
      unitPriceMinor,
      taxRateBp,
    })),
  };
}

function approvedPayload(order: Order): EventPayload<'OrderApproved'> {
  return {
    orderId: order.id,
    customerId: order.customerId,
    allowPartialShipment: order.allowPartialShipment,
    lines: order.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
  };
}

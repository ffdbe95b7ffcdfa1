import { Injectable, NotFoundException } from '@nestjs/common';
import type { EventPayload, StockBackordered, StockReserved } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import type { OrderView } from './dto/order-view.dto';
import type { PlaceOrderDto } from './dto/place-order.dto';
import { Order } from './order.entity';
import { applyBackorders, applyReservations, reservationStatus } from './order-status';
import type { LineReservation, OrderStatus } from './order-status';
import { OrderTimelineEntry } from './order-timeline-entry.entity';
import { toOrderView } from './order-view';

export class OrderNotFoundError extends NotFoundException {
  constructor(orderId: string) {
    super(`Order ${orderId} not found`);
    this.name = 'OrderNotFoundError';
  }
}

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
        lines: dto.lines.map((line, index) => ({ ...line, lineNo: index + 1, reserved: 0, backordered: 0 })),
      });
      await unit.manager.save(order);
      unit.publish('OrderPlaced', placedPayload(order), { id: orderId, version: 1 });
      unit.publish('OrderApproved', approvedPayload(order), { id: orderId, version: 2 });
      await this.addTimeline(unit.manager, orderId, [
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

  recordReservation(event: StockReserved, unit: UnitOfWork): Promise<void> {
    const reserved = event.allocations.map(({ lineNo, quantity }) => ({ lineNo, quantity }));
    const where = event.allocations.map((a) => `${a.quantity}×${a.sku}@${a.warehouse}`).join(', ');
    return this.updateReservations(unit.manager, event.orderId, event.eventType, `reserved ${where}`, (lines) =>
      applyReservations(lines, reserved),
    );
  }

  recordBackorder(event: StockBackordered, unit: UnitOfWork): Promise<void> {
    const waiting = event.lines.map((line) => `${line.quantity}×${line.sku}`).join(', ');
    return this.updateReservations(unit.manager, event.orderId, event.eventType, `waiting for ${waiting}`, (lines) =>
      applyBackorders(lines, event.lines),
    );
  }

  private async updateReservations(
    manager: EntityManager,
    orderId: string,
    event: string,
    detail: string,
    change: (lines: LineReservation[]) => LineReservation[],
  ): Promise<void> {
    const order = await manager.findOne(Order, { where: { id: orderId }, lock: { mode: 'pessimistic_write', tables: ['orders'] } });
    if (!order) throw new OrderNotFoundError(orderId);
    const next = change(order.lines);
    for (const line of order.lines) Object.assign(line, next.find((candidate) => candidate.lineNo === line.lineNo));
    order.status = reservationStatus(next);
    await manager.save(order);
    await this.addTimeline(manager, orderId, [{ event, status: order.status, detail }]);
  }

  private async addTimeline(
    manager: EntityManager,
    orderId: string,
    entries: { event: string; status: OrderStatus; detail: string | null }[],
  ): Promise<void> {
    await manager.insert(
      OrderTimelineEntry,
      entries.map((entry) => ({ ...entry, orderId })),
    );
  }

  private async view(manager: EntityManager, orderId: string): Promise<OrderView> {
    const order = await manager.findOneBy(Order, { id: orderId });
    if (!order) throw new OrderNotFoundError(orderId);
    const timeline = await manager.find(OrderTimelineEntry, { where: { orderId }, order: { id: 'ASC' } });
    return toOrderView(order, timeline);
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

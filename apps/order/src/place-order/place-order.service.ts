import { ConflictException, Injectable } from '@nestjs/common';
import type { EventPayload } from '@tradeflow/events';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditControl } from '../orders/credit-control';
import type { OrderView } from '../orders/dto/order-view.dto';
import { assertInvoiceableValue } from '../orders/invoiceable-value';
import { addTimeline } from '../orders/order-changes.service';
import { NO_PROGRESS, OrderLine } from '../orders/order-line.entity';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { ProductCatalogue } from '../orders/product-catalogue';
import { SERVICE_NAME } from '../orders/service-name';
import type { PlaceOrderDto } from './dto/place-order.dto';

@Injectable()
export class PlaceOrderService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly credit: CreditControl,
    private readonly orders: OrdersService,
    private readonly products: ProductCatalogue,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Refuses lines of a sku that may not be ordered (422, nothing stored, the key not used up), stores
   * the order → OrderPlaced, then checks it against its customer → OrderApproved or OrderHeld.
   */
  async placeOrder(dto: PlaceOrderDto, channel: string, request: IdempotentRequest): Promise<OrderView> {
    try {
      return await this.store(dto, channel, request);
    } catch (error) {
      if (dto.channelOrderNumber && isChannelOrderNumberTaken(error)) {
        throw await this.alreadyPlaced(channel, dto.channelOrderNumber);
      }
      throw error;
    }
  }

  private store(dto: PlaceOrderDto, channel: string, request: IdempotentRequest): Promise<OrderView> {
    assertInvoiceableValue(dto.lines);
    const orderId = randomUUID();
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<OrderView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const order = unit.manager.create(Order, {
        id: orderId,
        channel,
        channelOrderNumber: dto.channelOrderNumber ?? null,
        customerId: dto.customerId,
        currency: dto.currency,
        allowPartialShipment: dto.allowPartialShipment ?? false,
        shippingAddress: { ...dto.shippingAddress, line2: dto.shippingAddress.line2 ?? null },
        status: 'PLACED',
        version: 1,
        lines: dto.lines.map((line, index) => ({ ...line, orderId, lineNo: index + 1, ...NO_PROGRESS })),
      });
      await this.products.assertOrderable(unit.manager, order.lines);
      // Inserts, not save(): save would first look the new order up.
      const { lines, ...columns } = order;
      await unit.manager.insert(Order, columns);
      await unit.manager.insert(OrderLine, lines);
      unit.publish('OrderPlaced', placedPayload(order), { id: orderId, version: 1 });
      await addTimeline(unit.manager, orderId, [{ event: 'OrderPlaced', status: 'PLACED', detail: `via ${channel}` }]);
      await this.credit.checkPlacedOrder(unit, orderId, order.customerId);

      const view = await this.orders.view(unit.manager, orderId);
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }

  /**
   * Read after the failed transaction: the unique index let the insert fail only once the other
   * order had committed, and orders are never deleted, so it is there to be named.
   */
  private async alreadyPlaced(channel: string, channelOrderNumber: string): Promise<ConflictException> {
    const existing = await this.dataSource.manager.findOneOrFail(Order, {
      select: { id: true },
      where: { channel, channelOrderNumber },
      loadEagerRelations: false,
    });
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `channel order ${channelOrderNumber} is already order ${existing.id}`,
      orderId: existing.id,
    });
  }
}

/** The unique index of migration ChannelOrderNumber refused the insert: the channel already placed this order. */
function isChannelOrderNumberTaken(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'orders_channel_order_number';
}

function placedPayload(order: Order): EventPayload<'OrderPlaced'> {
  return {
    orderId: order.id,
    channel: order.channel,
    channelOrderNumber: order.channelOrderNumber,
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

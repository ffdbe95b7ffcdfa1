import { Injectable } from '@nestjs/common';
import type { OrderAmended, OrderPlaced } from '@tradeflow/events';
import type { EntityManager } from 'typeorm';
import { OrderPriceLine } from './order-price-line.entity';
import { OrderPrice } from './order-price.entity';
import type { PriceList } from './price-list';

type PricedOrderEvent = Pick<OrderPlaced | OrderAmended, 'orderId' | 'aggregateVersion' | 'lines'>;

@Injectable()
export class OrderPricesService {
  /**
   * The order's price list with its row locked until the transaction ends. Every event about an
   * order's documents takes this lock first, so a dispatch and the order event it waits for can
   * never both commit without one of them seeing the other (as they could on two replicas).
   */
  async lock(manager: EntityManager, orderId: string): Promise<PriceList> {
    await manager.createQueryBuilder().insert().into(OrderPrice).values({ orderId, version: 0 }).orIgnore().execute();
    const order = await manager.findOneOrFail(OrderPrice, {
      where: { orderId },
      lock: { mode: 'pessimistic_write', tables: ['order_prices'] },
    });
    return toPriceList(order);
  }

  /** OrderPlaced: who pays, in which currency, through which channel, and the prices. Returns the price list, still locked. */
  async recordPlaced(manager: EntityManager, event: OrderPlaced): Promise<PriceList> {
    await this.lock(manager, event.orderId);
    await manager.update(OrderPrice, { orderId: event.orderId }, { customerId: event.customerId, currency: event.currency, channel: event.channel });
    await this.recordLines(manager, event);
    return this.priceList(manager, event.orderId);
  }

  /** OrderAmended: the whole line list after the change; lines it no longer lists keep their prices. */
  async recordAmended(manager: EntityManager, event: OrderAmended): Promise<PriceList> {
    await this.lock(manager, event.orderId);
    await this.recordLines(manager, event);
    return this.priceList(manager, event.orderId);
  }

  /** Lines of an event older than those already recorded are not applied (orders arrive in order per key; this is the guard). */
  private async recordLines(manager: EntityManager, event: PricedOrderEvent): Promise<void> {
    const { affected } = await manager
      .createQueryBuilder()
      .update(OrderPrice)
      .set({ version: event.aggregateVersion })
      .where('order_id = :orderId AND version < :version', { orderId: event.orderId, version: event.aggregateVersion })
      .execute();
    if (!affected || event.lines.length === 0) return;
    await manager.upsert(
      OrderPriceLine,
      event.lines.map(({ lineNo, sku, unitPriceMinor, taxRateBp }) => ({ orderId: event.orderId, lineNo, sku, unitPriceMinor, taxRateBp })),
      ['orderId', 'lineNo'],
    );
  }

  private async priceList(manager: EntityManager, orderId: string): Promise<PriceList> {
    return toPriceList(await manager.findOneOrFail(OrderPrice, { where: { orderId } }));
  }
}

function toPriceList(order: OrderPrice): PriceList {
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    currency: order.currency,
    lines: order.lines.map(({ lineNo, sku, unitPriceMinor, taxRateBp }) => ({ lineNo, sku, unitPriceMinor, taxRateBp })),
  };
}

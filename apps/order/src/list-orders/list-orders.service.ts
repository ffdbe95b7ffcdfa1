import { Injectable } from '@nestjs/common';
import { And, Between, DataSource, In, LessThan, MoreThan, MoreThanOrEqual } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import { CreditControl } from '../orders/credit-control';
import type { OrderCaller } from '../orders/order-caller';
import { loadOrderRecords } from '../orders/order-records.queries';
import { toOrderView } from '../orders/order-view';
import { Order } from '../orders/order.entity';
import type { ListOrdersQueryDto, OrderPageView } from './dto/list-orders.query.dto';
import { DEFAULT_PAGE_SIZE } from './dto/list-orders.query.dto';
import { idPrefixRange } from './order-search';

@Injectable()
export class ListOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credit: CreditControl,
  ) {}

  /**
   * A page of orders by id (keyset: id > afterId), each as GET /v1/orders/{id} shows it. With a
   * customer, the orders of its survivor and of every id merged into it. A channel's own orders only.
   * Every filter has an index that ends in id (migration FindStuckAndSearchOrders), so a page reads
   * an index range however many orders there are; a channel order number finds at most one order
   * per channel through its unique index (migration ChannelOrderNumber).
   */
  async list(query: ListOrdersQueryDto, caller: OrderCaller): Promise<OrderPageView> {
    const { manager } = this.dataSource;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // Another channel's orders are not there for a channel: asking for them finds none.
    if (caller.channel !== undefined && query.channel !== undefined && query.channel !== caller.channel) return { items: [], nextAfterId: null };
    const where: FindOptionsWhere<Order> = {};
    const channel = caller.channel ?? query.channel;
    if (channel !== undefined) where.channel = channel;
    if (query.status) where.status = query.status;
    if (query.channelOrderNumber) where.channelOrderNumber = query.channelOrderNumber;
    const range = query.q ? idPrefixRange(query.q) : undefined;
    const ids = [query.afterId && MoreThan(query.afterId), range && Between(range.from, range.to)].filter((operator) => !!operator);
    if (ids.length > 0) where.id = ids.length === 1 ? ids[0] : And(...ids);
    const placed = [query.placedFrom && MoreThanOrEqual(new Date(query.placedFrom)), query.placedTo && LessThan(new Date(query.placedTo))].filter((operator) => !!operator);
    if (placed.length > 0) where.createdAt = placed.length === 1 ? placed[0] : And(...placed);
    if (query.customerId) where.customerId = In(await this.credit.customerGroup(manager, query.customerId));
    const page = await manager.find(Order, { select: { id: true }, where, order: { id: 'ASC' }, take: limit + 1, loadEagerRelations: false });
    const shown = page.slice(0, limit).map((order) => order.id);
    const records = await loadOrderRecords(manager, shown);
    return {
      items: records.map(toOrderView),
      nextAfterId: page.length > limit ? shown[shown.length - 1] : null,
    };
  }
}

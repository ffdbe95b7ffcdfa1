import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import { customerGroup, resolveCustomer } from '../customer-accounts/customer-groups';
import type { OrderCaller } from '../orders/order-caller';
import { loadOrderRecords } from '../orders/order-records';
import { toOrderView } from '../orders/order-view';
import { Order } from '../orders/order.entity';
import type { ListOrdersQueryDto, OrderPageView } from './dto/list-orders.query.dto';
import { DEFAULT_PAGE_SIZE } from './dto/list-orders.query.dto';

@Injectable()
export class ListOrdersService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of orders by id (keyset: id > afterId), each as GET /v1/orders/{id} shows it. With a
   * customer, the orders of its survivor and of every id merged into it. A channel's own orders only.
   */
  async list(query: ListOrdersQueryDto, caller: OrderCaller): Promise<OrderPageView> {
    const { manager } = this.dataSource;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where: FindOptionsWhere<Order> = {};
    if (caller.channel !== undefined) where.channel = caller.channel;
    if (query.afterId) where.id = MoreThan(query.afterId);
    if (query.customerId) where.customerId = In(await customerGroup(manager, await resolveCustomer(manager, query.customerId)));
    const page = await manager.find(Order, { select: { id: true }, where, order: { id: 'ASC' }, take: limit + 1, loadEagerRelations: false });
    const ids = page.slice(0, limit).map((order) => order.id);
    const records = await loadOrderRecords(manager, ids);
    return {
      items: records.map(toOrderView),
      nextAfterId: page.length > limit ? ids[ids.length - 1] : null,
    };
  }
}

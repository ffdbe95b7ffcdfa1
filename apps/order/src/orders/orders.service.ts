import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { OrderView } from './dto/order-view.dto';
import type { OrderCaller } from './order-caller';
import { assertVisible } from './order-caller';
import { OrderNotFoundError } from './order-not-found.error';
import { loadOrderRecords } from './order-records.queries';
import { toOrderView } from './order-view';

/** An order as the API shows it: what GET /v1/orders/{id} and every use case's answer return. */
@Injectable()
export class OrdersService {
  constructor(private readonly dataSource: DataSource) {}

  async getOrder(orderId: string, caller: OrderCaller): Promise<OrderView> {
    const view = await this.view(this.dataSource.manager, orderId);
    assertVisible(caller, view);
    return view;
  }

  /** The order as the API shows it, read with `manager` (inside a write's transaction, its own writes). */
  async view(manager: EntityManager, orderId: string): Promise<OrderView> {
    const [records] = await loadOrderRecords(manager, [orderId]);
    if (!records) throw new OrderNotFoundError(orderId);
    return toOrderView(records);
  }
}

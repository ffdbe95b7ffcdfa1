import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { CreditControl } from '../orders/credit-control';
import type { OrderView } from '../orders/dto/order-view.dto';
import type { OrderCaller } from '../orders/order-caller';
import { assertVisible } from '../orders/order-caller';
import { OrderChangesService } from '../orders/order-changes.service';
import { OrderNotFoundError } from '../orders/order-not-found.error';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { SERVICE_NAME } from '../orders/service-name';
import { quantitiesToCancel } from './cancellation';

@Injectable()
export class CancelOrderService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly changes: OrderChangesService,
    private readonly orders: OrdersService,
    private readonly credit: CreditControl,
  ) {}

  /**
   * Cancels whatever has not shipped → OrderCancelled{reason, lines = the cancelled quantities}.
   * What no longer goes out frees credit room, so the customer's held orders are checked again.
   */
  cancel(orderId: string, reason: string, caller: OrderCaller, request: IdempotentRequest): Promise<OrderView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<OrderView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const placed = await unit.manager.findOne(Order, { select: { id: true, customerId: true }, where: { id: orderId }, loadEagerRelations: false });
      if (!placed) throw new OrderNotFoundError(orderId);
      // The customer before the order, as the customer checks lock them: neither waits on the other in a circle.
      await this.credit.lockCustomer(unit.manager, placed.customerId);
      await this.changes.apply(unit, orderId, (order) => {
        assertVisible(caller, order);
        const cancelled = quantitiesToCancel(order.status, order.lines);
        for (const line of order.lines) {
          line.cancelled += cancelled.find((entry) => entry.lineNo === line.lineNo)?.quantity ?? 0;
        }
        order.version += 1;
        unit.publish('OrderCancelled', { orderId, reason, lines: cancelled }, { id: orderId, version: order.version });
        const what = cancelled.map((line) => `${line.quantity}×${line.sku}`).join(', ');
        return { event: 'OrderCancelled', detail: `${reason} (cancelled ${what})` };
      });
      await this.credit.recheckHeldOrders(unit, placed.customerId, `cancellation of order ${orderId}`);

      const view = await this.orders.view(unit.manager, orderId);
      await this.idempotency.complete(unit.manager, request, 200, view);
      return view;
    });
  }
}

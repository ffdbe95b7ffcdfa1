import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import type { OrderView } from '../orders/dto/order-view.dto';
import type { OrderCaller } from '../orders/order-caller';
import { assertVisible } from '../orders/order-caller';
import { OrderChangesService } from '../orders/order-changes.service';
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
  ) {}

  /** Cancels whatever has not shipped → OrderCancelled{reason, lines = the cancelled quantities}. */
  cancel(orderId: string, reason: string, caller: OrderCaller, request: IdempotentRequest): Promise<OrderView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<OrderView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

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

      const view = await this.orders.view(unit.manager, orderId);
      await this.idempotency.complete(unit.manager, request, 200, view);
      return view;
    });
  }
}

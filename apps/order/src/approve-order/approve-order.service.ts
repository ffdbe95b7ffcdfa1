import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { CreditControl } from '../orders/credit-control';
import type { OrderView } from '../orders/dto/order-view.dto';
import { approveOrder } from '../orders/order-approval';
import type { OrderCaller } from '../orders/order-caller';
import { OrderChangesService } from '../orders/order-changes.service';
import { OrderNotFoundError } from '../orders/order-not-found.error';
import { OrderRuleViolation } from '../orders/order-rule-violation';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { SERVICE_NAME } from '../orders/service-name';

@Injectable()
export class ApproveOrderService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly changes: OrderChangesService,
    private readonly orders: OrdersService,
    private readonly credit: CreditControl,
  ) {}

  /**
   * A person overrides the customer checks of a HELD order → OrderApproved, the timeline naming
   * who and why. The order is then open and uses up its customer's credit room like any other.
   * A key with orders:approve is a back office's, not a sales channel's: it approves any channel's order.
   */
  approve(orderId: string, reason: string, caller: OrderCaller, request: IdempotentRequest): Promise<OrderView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<OrderView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const placed = await unit.manager.findOneBy(Order, { id: orderId });
      if (!placed) throw new OrderNotFoundError(orderId);
      // The customer before the order, as the automatic re-checks lock them: neither waits on the other in a circle.
      await this.credit.lockCustomer(unit.manager, placed.customerId);
      await this.changes.apply(unit, orderId, (order) => {
        if (order.status !== 'HELD') throw new OrderRuleViolation('conflict', `only a HELD order can be approved by hand; this one is ${order.status}`);
        return approveOrder(unit, order, `manual approval by ${caller.name}: ${reason} (was held: ${order.holdReason}: ${order.holdDetail})`);
      });

      const view = await this.orders.view(unit.manager, orderId);
      await this.idempotency.complete(unit.manager, request, 200, view);
      return view;
    });
  }
}

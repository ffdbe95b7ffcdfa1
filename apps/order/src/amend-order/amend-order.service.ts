import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { CreditControl } from '../orders/credit-control';
import type { OrderView } from '../orders/dto/order-view.dto';
import type { OrderCaller } from '../orders/order-caller';
import { assertVisible } from '../orders/order-caller';
import { OrderChangesService } from '../orders/order-changes.service';
import { NO_PROGRESS, OrderLine } from '../orders/order-line.entity';
import { OrderNotFoundError } from '../orders/order-not-found.error';
import { notInvoicedValue } from '../orders/order-value';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { ProductCatalogue } from '../orders/product-catalogue';
import { SERVICE_NAME } from '../orders/service-name';
import { amendLines } from './amendment';
import type { AmendOrderDto } from './dto/amend-order.dto';

@Injectable()
export class AmendOrderService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly changes: OrderChangesService,
    private readonly orders: OrdersService,
    private readonly credit: CreditControl,
    private readonly products: ProductCatalogue,
  ) {}

  /**
   * Changes quantities and adds lines → OrderAmended with the whole line list; a request that
   * changes nothing publishes nothing. Raising an open order's value must pass the customer checks
   * (else 409, nothing changes); lowering it frees credit room for the customer's held orders. A new
   * line of a sku that may not be ordered is refused (422), as at placement.
   */
  amend(orderId: string, dto: AmendOrderDto, caller: OrderCaller, request: IdempotentRequest): Promise<OrderView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<OrderView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const placed = await unit.manager.findOne(Order, { select: { id: true, customerId: true }, where: { id: orderId }, loadEagerRelations: false });
      if (!placed) throw new OrderNotFoundError(orderId);
      // The customer before the order, as the customer checks lock them: neither waits on the other in a circle.
      await this.credit.lockCustomer(unit.manager, placed.customerId);
      let lowered = false;
      await this.changes.apply(unit, orderId, async (order) => {
        assertVisible(caller, order);
        const amendment = amendLines(order.status, order.lines, dto.lines);
        if (amendment.changes.length === 0) return null;
        await this.products.assertOrderable(unit.manager, amendment.lines.filter((line) => !order.lines.some((old) => old.lineNo === line.lineNo)));
        const before = notInvoicedValue(order.lines);
        for (const line of amendment.lines) {
          const existing = order.lines.find((candidate) => candidate.lineNo === line.lineNo);
          if (existing) existing.quantity = line.quantity;
          else order.lines.push(unit.manager.create(OrderLine, { ...line, orderId, ...NO_PROGRESS }));
        }
        const after = notInvoicedValue(order.lines);
        if (after > before) await this.credit.checkRaisedOrder(unit.manager, order, before);
        lowered = after < before;
        order.version += 1;
        unit.publish('OrderAmended', { orderId, lines: amendment.lines }, { id: orderId, version: order.version });
        return { event: 'OrderAmended', detail: amendment.changes.join('; ') };
      });
      if (lowered) await this.credit.recheckHeldOrders(unit, placed.customerId, `amendment of order ${orderId} lowered its value`);

      const view = await this.orders.view(unit.manager, orderId);
      await this.idempotency.complete(unit.manager, request, 200, view);
      return view;
    });
  }
}

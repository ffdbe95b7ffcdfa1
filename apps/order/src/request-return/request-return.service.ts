import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { IdempotentRequest } from '@tradeflow/platform';
import { IdempotencyService } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import type { OrderCaller } from '../orders/order-caller';
import { assertVisible } from '../orders/order-caller';
import { OrderChangesService } from '../orders/order-changes.service';
import { OrderReturn } from '../orders/order-return.entity';
import { SERVICE_NAME } from '../orders/service-name';
import type { RequestReturnDto, ReturnRequestView } from './dto/request-return.dto';
import { checkReturn } from './return-request';

@Injectable()
export class RequestReturnService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly changes: OrderChangesService,
  ) {}

  /** Announces a return of shipped goods → ReturnRequested{returnId}; shipping receives it. */
  requestReturn(orderId: string, dto: RequestReturnDto, caller: OrderCaller, request: IdempotentRequest): Promise<ReturnRequestView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: orderId }, async (unit) => {
      const claim = await this.idempotency.claim<ReturnRequestView>(unit.manager, request);
      if (claim.kind === 'replay') return claim.response;

      const returnId = randomUUID();
      await this.changes.apply(unit, orderId, async (order) => {
        assertVisible(caller, order);
        const lines = checkReturn(order.lines, dto.lines);
        for (const line of order.lines) {
          line.returnRequested += lines.find((entry) => entry.lineNo === line.lineNo)?.quantity ?? 0;
        }
        await unit.manager.insert(OrderReturn, { returnId, orderId, status: 'REQUESTED', lines });
        order.version += 1;
        unit.publish('ReturnRequested', { orderId, returnId, lines }, { id: orderId, version: order.version });
        const what = lines.map((line) => `${line.quantity}×${line.sku}`).join(', ');
        return { event: 'ReturnRequested', detail: `return ${returnId}: ${what}` };
      });

      const { lines } = await unit.manager.findOneByOrFail(OrderReturn, { returnId });
      const view: ReturnRequestView = { returnId, orderId, status: 'REQUESTED', lines };
      await this.idempotency.complete(unit.manager, request, 201, view);
      return view;
    });
  }
}

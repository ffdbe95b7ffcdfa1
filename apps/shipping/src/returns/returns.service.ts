import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { ReturnRequested } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { TransactionRunner } from '@tradeflow/messaging';
import { DataSource, In } from 'typeorm';
import { ShippingOrder } from '../orders/shipping-order.entity';
import { SERVICE_NAME } from '../service-name';
import { Shipment } from '../shipments/shipment.entity';
import { CustomerReturn } from './customer-return.entity';
import type { ReturnView } from './dto/return-view.dto';
import { assignReturnWarehouses } from './return-warehouses';

function toReturnView(record: CustomerReturn): ReturnView {
  return {
    id: record.id,
    orderId: record.orderId,
    status: record.status,
    lines: record.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
    receivedLines: record.receivedLines?.map(({ lineNo, sku, warehouse, quantity }) => ({ lineNo, sku, warehouse, quantity })) ?? null,
    requestedAt: record.requestedAt.toISOString(),
    receivedAt: record.receivedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ReturnsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly dataSource: DataSource,
  ) {}

  /** ReturnRequested → a REQUESTED return; the same returnId again changes nothing. */
  async returnRequested(event: ReturnRequested, unit: UnitOfWork): Promise<void> {
    await unit.manager
      .createQueryBuilder()
      .insert()
      .into(CustomerReturn)
      .values({
        id: event.returnId,
        orderId: event.orderId,
        status: 'REQUESTED',
        lines: event.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
        correlationId: event.correlationId,
        requestedAt: new Date(event.occurredAt),
      })
      .orIgnore()
      .execute();
  }

  async getReturn(id: string): Promise<ReturnView> {
    const record = await this.dataSource.manager.findOneBy(CustomerReturn, { id });
    if (!record) throw new NotFoundException(`Return ${id} not found`);
    return toReturnView(record);
  }

  async listForOrder(orderId: string): Promise<ReturnView[]> {
    const records = await this.dataSource.manager.find(CustomerReturn, { where: { orderId }, order: { requestedAt: 'ASC', id: 'ASC' } });
    return records.map(toReturnView);
  }

  /**
   * The goods arrived: each line goes back to a warehouse that dispatched it → ReturnReceived.
   * Receiving twice is refused (409), as is returning more than was dispatched and not yet returned.
   */
  receive(id: string): Promise<ReturnView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: id }, async (unit) => {
      const { manager } = unit;
      const unlocked = await manager.findOneBy(CustomerReturn, { id });
      if (!unlocked) throw new NotFoundException(`Return ${id} not found`);
      // The order first, as the consumers lock it: returns of one order are received one at a time.
      await manager.findOne(ShippingOrder, { where: { orderId: unlocked.orderId }, lock: { mode: 'pessimistic_write' } });
      const record = await manager.findOneOrFail(CustomerReturn, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (record.status === 'RECEIVED') {
        throw new ConflictException(`Return ${id} was already received at ${record.receivedAt?.toISOString()}`);
      }

      const shipments = await manager.find(Shipment, {
        where: { orderId: record.orderId, status: In(['DISPATCHED', 'DELIVERED']) },
        order: { dispatchedAt: 'ASC', id: 'ASC' },
      });
      const earlier = await manager.find(CustomerReturn, { where: { orderId: record.orderId, status: 'RECEIVED' } });
      const assignment = assignReturnWarehouses(
        record.lines,
        shipments.flatMap((shipment) => shipment.lines.map(({ lineNo, quantity }) => ({ lineNo, quantity, warehouse: shipment.warehouse }))),
        earlier.flatMap((other) => other.receivedLines ?? []),
      );
      if (!assignment.ok) {
        const { lineNo, requested, returnable } = assignment;
        throw new ConflictException(
          `Return ${id} cannot be received: line ${lineNo} returns ${requested} but only ${returnable} was dispatched and not yet returned`,
        );
      }

      Object.assign(record, { status: 'RECEIVED', receivedLines: assignment.lines, receivedAt: new Date() });
      await manager.save(record);
      const lines = assignment.lines.map(({ lineNo, sku, warehouse, quantity }) => ({ lineNo, sku, warehouse, quantity }));
      unit.publish('ReturnReceived', { orderId: record.orderId, returnId: id, lines }, { id, version: 1 }, record.correlationId);
      return toReturnView(record);
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { StockBackordered, StockReleased, StockReserved } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import { applyBackorders, applyReleases, applyReservations } from '../orders/line-quantities';
import { OrderChangesService } from '../orders/order-changes.service';

/** Inventory's answers (to OrderApproved, OrderAmended, OrderCancelled) move the reserved and waiting quantities. */
@Injectable()
export class ReservationEventsService {
  constructor(private readonly changes: OrderChangesService) {}

  recordReservation(event: StockReserved, unit: UnitOfWork): Promise<void> {
    const where = event.allocations.map((a) => `${a.quantity}×${a.sku}@${a.warehouse}`).join(', ');
    return this.changes.updateLines(unit, event.orderId, { event: event.eventType, detail: `reserved ${where}` }, (lines) =>
      applyReservations(lines, event.allocations),
    );
  }

  recordBackorder(event: StockBackordered, unit: UnitOfWork): Promise<void> {
    const waiting = event.lines.map((line) => `${line.quantity}×${line.sku}`).join(', ');
    return this.changes.updateLines(unit, event.orderId, { event: event.eventType, detail: `waiting for ${waiting}` }, (lines) =>
      applyBackorders(lines, event.lines),
    );
  }

  recordRelease(event: StockReleased, unit: UnitOfWork): Promise<void> {
    const released = event.allocations.map((a) => `${a.quantity}×${a.sku}@${a.warehouse}`);
    const withdrawn = event.backorders.map((b) => `backorder ${b.quantity}×${b.sku}`);
    const detail = `released ${[...released, ...withdrawn].join(', ') || 'nothing'} (${event.reason})`;
    return this.changes.updateLines(unit, event.orderId, { event: event.eventType, detail }, (lines) =>
      applyReleases(lines, event.allocations, event.backorders),
    );
  }
}

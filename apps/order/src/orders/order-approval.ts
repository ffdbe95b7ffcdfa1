import type { EventPayload } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { HoldReason } from './hold-reason';
import type { TimelineNote } from './order-changes.service';
import type { Order } from './order.entity';

/**
 * The two outcomes of the customer checks, applied to a locked order inside
 * OrderChangesService.apply: each publishes its event and returns the timeline note. The events
 * carry the order's correlation (its id) even when a customer or invoice event caused them, so
 * one order stays one trace.
 */
export function approveOrder(unit: UnitOfWork, order: Order, detail: string): TimelineNote {
  Object.assign(order, { status: 'APPROVED', holdReason: null, holdDetail: null, heldSince: null });
  order.version += 1;
  unit.publish('OrderApproved', approvedPayload(order), { id: order.id, version: order.version }, order.id);
  return { event: 'OrderApproved', detail };
}

/** Holds the order, or holds it again for another reason (a new OrderHeld); since stays the first time. */
export function holdOrder(unit: UnitOfWork, order: Order, reason: HoldReason, detail: string): TimelineNote {
  Object.assign(order, { status: 'HELD', holdReason: reason, holdDetail: detail, heldSince: order.heldSince ?? new Date() });
  order.version += 1;
  const payload = { orderId: order.id, customerId: order.customerId, reason, detail };
  unit.publish('OrderHeld', payload, { id: order.id, version: order.version }, order.id);
  return { event: 'OrderHeld', detail: `${reason}: ${detail}` };
}

/** The current lines: an order amended while held is approved as it now stands. */
function approvedPayload(order: Order): EventPayload<'OrderApproved'> {
  return {
    orderId: order.id,
    customerId: order.customerId,
    allowPartialShipment: order.allowPartialShipment,
    lines: [...order.lines].sort((a, b) => a.lineNo - b.lineNo).map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
  };
}

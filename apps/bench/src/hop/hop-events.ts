import type { OrderApproved } from '@tradeflow/events';
import { createEvent, TOPICS } from '@tradeflow/events';
import { randomUUID } from 'node:crypto';

export const CONTENDERS = ['ceiling', 'peer', 'ours'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** Every contender's output carries the input's correlation id here; the observer matches on it without decoding. */
export const CORRELATION_HEADER = 'correlation-id';

export interface HopTopics {
  input: string;
  output: string;
}

/** The hop is inventory's: OrderApproved in on the orders topic, StockReserved out on the reservations topic. */
export function hopTopics(prefix: string): HopTopics {
  return { input: prefix + TOPICS.orders.name, output: prefix + TOPICS.reservations.name };
}

const template = createEvent(
  'OrderApproved',
  {
    orderId: randomUUID(),
    customerId: 'CUST-100234',
    allowPartialShipment: false,
    lines: [
      { lineNo: 1, sku: 'MUG-RED-350ML', quantity: 2 },
      { lineNo: 2, sku: 'TEA-EARLGREY-250G', quantity: 1 },
    ],
  },
  { producer: 'order', aggregateId: 'template', aggregateVersion: 2, correlationId: 'template' },
);

/**
 * A fresh OrderApproved, the same object for every contender (JSON for two, Avro for ours). Built
 * from one validated template because validating hundreds of thousands would slow the preload.
 * The correlation id is unique per event, so an output identifies its input.
 */
export function approvedOrder(): OrderApproved {
  const orderId = randomUUID();
  return { ...template, eventId: randomUUID(), correlationId: randomUUID(), occurredAt: Date.now(), aggregateId: orderId, orderId };
}

/** The StockReserved the JSON contenders produce: the same fields ours publishes, with no framework or validation. */
export function reservationFor(event: OrderApproved) {
  return {
    eventId: randomUUID(),
    eventType: 'StockReserved',
    occurredAt: Date.now(),
    correlationId: event.correlationId,
    causationId: event.eventId,
    producer: 'inventory',
    aggregateId: event.orderId,
    aggregateVersion: 1,
    orderId: event.orderId,
    allocations: allocationsFor(event),
  };
}

export function allocationsFor(event: OrderApproved) {
  return event.lines.map((line) => ({ ...line, warehouse: 'BER' }));
}

export function quantityOf(event: OrderApproved): number {
  return event.lines.reduce((sum, line) => sum + line.quantity, 0);
}

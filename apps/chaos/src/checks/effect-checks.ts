import type { OrderJourney } from '../load/order-journey';
import type { StockLedger } from '../load/stock-ledger';
import type { Order, SystemSnapshot } from './system-snapshot';

export interface Findings {
  /** Orders placed (201) that the order service does not list, and journeys that never finished. */
  lost: string[];
  /** Effects that happened more than once: a second order for one key, invoice per shipment, payment, receipt… */
  duplicated: string[];
  /** Orders in a state their journey does not explain. */
  inconsistent: string[];
}

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * The end state each journey asked for: a cancelled order is CANCELLED with nothing shipped or
 * invoiced; every other one is COMPLETED — all it ordered (after amendments) shipped, invoiced and
 * paid — and a returned unit is credited.
 */
function orderState(journey: OrderJourney, order: Order): string | undefined {
  const lines = order.lines;
  const shipped = sum(lines, (line) => line.shipped);
  if (journey.intent === 'cancel') {
    if (order.status !== 'CANCELLED' || shipped > 0 || order.invoices.length > 0) {
      return `cancelled order ${order.id} is ${order.status} with ${shipped} shipped, ${order.invoices.length} invoice(s)`;
    }
    return undefined;
  }
  const open = lines.filter((line) => line.shipped !== line.ordered - line.cancelled || line.invoiced !== line.shipped);
  if (order.status !== 'COMPLETED' || open.length > 0 || order.invoices.some((invoice) => !invoice.paid)) {
    return `order ${order.id} (${journey.intent}) is ${order.status}; lines ${JSON.stringify(lines.map(({ lineNo, ordered, cancelled, reserved, backordered, shipped, invoiced }) => ({ lineNo, ordered, cancelled, reserved, backordered, shipped, invoiced })))}`;
  }
  const returned = sum(lines, (line) => line.returned);
  const credited = sum(lines, (line) => line.credited);
  if (returned !== journey.returnRequested || credited !== returned) {
    return `order ${order.id}: ${journey.returnRequested} returned by the customer, ${returned} received, ${credited} credited`;
  }
  return undefined;
}

export function checkEffects(journeys: readonly OrderJourney[], snapshot: SystemSnapshot, ledger: StockLedger): Findings {
  const findings: Findings = { lost: [], duplicated: [], inconsistent: [] };
  const orders = new Map(snapshot.orders.map((order) => [order.id, order]));
  const placed = journeys.flatMap((journey) => (journey.orderId === undefined ? [] : [{ journey, orderId: journey.orderId }]));

  // One order per Idempotency-Key, however often the POST was retried; none missing.
  const extra = snapshot.orders.length - placed.length;
  if (extra > 0) findings.duplicated.push(`${extra} order(s) more than the load placed (a retried POST created a second order)`);
  for (const { journey, orderId } of placed) {
    const order = orders.get(orderId);
    if (!order) findings.lost.push(`order ${orderId} was placed (201) but the order service does not list it`);
    else if (!journey.done) findings.lost.push(`order ${order.id} (${journey.intent}) never finished: ${order.status}`);
    else {
      const problem = orderState(journey, order);
      if (problem) findings.inconsistent.push(problem);
    }
  }

  // At most one invoice per shipment, and only for a dispatched one.
  const shipments = new Map(snapshot.shipments.map((shipment) => [shipment.id, shipment]));
  for (const [shipmentId, invoices] of groupBy(snapshot.invoices, (invoice) => invoice.shipmentId)) {
    if (invoices.length > 1) findings.duplicated.push(`shipment ${shipmentId} has ${invoices.length} invoices`);
    const status = shipments.get(shipmentId)?.status;
    if (status !== 'DISPATCHED' && status !== 'DELIVERED') findings.inconsistent.push(`invoice for shipment ${shipmentId}, which is ${status ?? 'unknown'}`);
  }

  // Shipments never hold more of a line than is ordered (a shipment planned twice would).
  for (const [orderId, ofOrder] of groupBy(snapshot.shipments.filter((shipment) => shipment.status !== 'CANCELLED'), (shipment) => shipment.orderId)) {
    const order = orders.get(orderId);
    for (const line of order?.lines ?? []) {
      const planned = sum(ofOrder, (shipment) => sum(shipment.lines.filter((each) => each.lineNo === line.lineNo), (each) => each.quantity));
      if (planned > line.ordered - line.cancelled) findings.duplicated.push(`order ${orderId} line ${line.lineNo}: ${planned} in shipments, ${line.ordered - line.cancelled} ordered`);
    }
  }

  // Every payment booked once: invoicing's paid amount is what the customers paid.
  const paid = new Map<string, number>();
  for (const journey of journeys) for (const [invoiceId, amount] of journey.payments) paid.set(invoiceId, amount);
  for (const invoice of snapshot.invoices) {
    const expected = paid.get(invoice.id) ?? 0;
    if (invoice.paidMinor > expected) findings.duplicated.push(`invoice ${invoice.id}: ${invoice.paidMinor} paid, customers paid ${expected}`);
    if (invoice.paidMinor < expected) findings.lost.push(`invoice ${invoice.id}: ${invoice.paidMinor} paid, customers paid ${expected}`);
  }

  // Stock adds up: on hand = received − dispatched + returned, per sku and warehouse; and what is
  // still reserved is what open orders hold (reserved − shipped), per sku.
  const moved = new Map<string, number>();
  const move = (sku: string, warehouse: string, quantity: number) => moved.set(`${sku}@${warehouse}`, (moved.get(`${sku}@${warehouse}`) ?? 0) + quantity);
  for (const shipment of snapshot.shipments) {
    if (shipment.status === 'DISPATCHED' || shipment.status === 'DELIVERED') for (const line of shipment.lines) move(line.sku, shipment.warehouse, -line.quantity);
  }
  for (const view of snapshot.returns) for (const line of view.receivedLines ?? []) move(line.sku, line.warehouse, line.quantity);
  const held = new Map<string, number>();
  for (const order of snapshot.orders) for (const line of order.lines) held.set(line.sku, (held.get(line.sku) ?? 0) + Math.max(0, line.reserved - line.shipped));
  for (const { sku, warehouses } of snapshot.stock) {
    for (const level of warehouses) {
      const expected = ledger.receivedOf(sku, level.warehouse) + (moved.get(`${sku}@${level.warehouse}`) ?? 0);
      if (level.onHand !== expected) {
        const list = level.onHand > expected ? findings.duplicated : findings.lost;
        list.push(`${sku} in ${level.warehouse}: ${level.onHand} on hand, receipts − dispatches + returns = ${expected}`);
      }
    }
    const reserved = sum(warehouses, (level) => level.reserved);
    if (reserved !== (held.get(sku) ?? 0)) findings.inconsistent.push(`${sku}: ${reserved} reserved in inventory, open orders hold ${held.get(sku) ?? 0}`);
  }
  return findings;
}

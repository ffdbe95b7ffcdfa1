import type { Mismatch } from '@tradeflow/reconciliation';
import { documentMismatches, formatMismatch, orderMismatches, stockMismatches } from '@tradeflow/reconciliation';
import { eventually } from '@tradeflow/testing';
import type { TradeflowClient } from './tradeflow-client';

/**
 * The invariants of docs/design.md#invariants for one order, read from the services' APIs and checked by the same
 * functions as `npm run reconcile`: per line shipped ≤ reserved ≤ ordered, invoiced = shipped,
 * credited = returned, against invoicing, shipping and inventory; its invoices and credit notes add
 * up; 0 ≤ reserved ≤ on hand for its skus. Returns each violation as a line.
 */
export async function invariantViolations(client: TradeflowClient, orderId: string): Promise<string[]> {
  const [order, invoices, creditNotes, shipments, reservations] = await Promise.all([
    client.order(orderId),
    client.invoices(orderId),
    client.creditNotes(orderId),
    client.shipments(orderId),
    client.reservations(orderId),
  ]);
  const skus = [...new Set<string>(order.lines.map((line: { sku: string }) => line.sku))];
  const stock = await Promise.all(skus.map((sku) => client.stock(sku)));
  const mismatches: Mismatch[] = [
    ...orderMismatches({ order, invoices, creditNotes, shipments, reservations }),
    ...invoices.flatMap((invoice) => documentMismatches(invoice, 'invoice')),
    ...creditNotes.flatMap((note) => documentMismatches(note, 'credit-note')),
    // A sku never stocked answers 404: no levels to check.
    ...stock.filter((levels) => Array.isArray(levels?.warehouses)).flatMap(stockMismatches),
  ];
  return mismatches.map(formatMismatch);
}

/** The invariants hold once the services have caught up with each other (events are asynchronous). */
export async function expectInvariants(client: TradeflowClient, orderId: string): Promise<void> {
  const violations = await eventually(
    () => invariantViolations(client, orderId),
    (found) => found.length === 0,
    { timeoutMs: 15_000 },
  ).catch(() => invariantViolations(client, orderId));
  expect(violations).toEqual([]);
}

import { eventually } from '@tradeflow/testing';
import type { TradeflowClient } from './tradeflow-client';

/**
 * DESIGN.md §3 invariants for one order, read from the services' APIs: shipped ≤ reserved ≤ ordered,
 * invoiced = shipped, credited = returned per line; invoice totals are the sums of their lines;
 * 0 ≤ reserved ≤ on hand per sku and warehouse. Returns each violation as a sentence.
 */
export async function invariantViolations(client: TradeflowClient, orderId: string): Promise<string[]> {
  const violations: string[] = [];
  const [order, invoices, creditNotes] = await Promise.all([client.order(orderId), client.invoices(orderId), client.creditNotes(orderId)]);
  const credited = new Map<number, number>();
  for (const note of creditNotes) for (const line of note.lines) credited.set(line.lineNo, (credited.get(line.lineNo) ?? 0) + line.quantity);
  const invoicedByLine = new Map<number, number>();
  for (const invoice of invoices) for (const line of invoice.lines) invoicedByLine.set(line.lineNo, (invoicedByLine.get(line.lineNo) ?? 0) + line.quantity);

  for (const line of order.lines) {
    const where = `order ${orderId} line ${line.lineNo} (${line.sku})`;
    if (!(line.shipped <= line.reserved && line.reserved <= line.ordered)) {
      violations.push(`${where}: shipped ${line.shipped} ≤ reserved ${line.reserved} ≤ ordered ${line.ordered} does not hold`);
    }
    if (line.invoiced !== line.shipped) violations.push(`${where}: invoiced ${line.invoiced} ≠ shipped ${line.shipped}`);
    if ((invoicedByLine.get(line.lineNo) ?? 0) !== line.shipped) {
      violations.push(`${where}: invoices hold ${invoicedByLine.get(line.lineNo) ?? 0}, shipped ${line.shipped}`);
    }
    if ((credited.get(line.lineNo) ?? 0) !== line.returned) {
      violations.push(`${where}: credited ${credited.get(line.lineNo) ?? 0} ≠ returned ${line.returned}`);
    }
  }
  for (const document of [...invoices, ...creditNotes]) {
    const sum = (field: string) => document.lines.reduce((total: number, line: Record<string, number>) => total + line[field], 0);
    if (sum('netMinor') !== document.netMinor || sum('taxMinor') !== document.taxMinor || document.netMinor + document.taxMinor !== document.totalMinor) {
      violations.push(`${document.number ?? document.id}: totals differ from the sum of its lines`);
    }
  }
  const skus = [...new Set<string>(order.lines.map((line: { sku: string }) => line.sku))];
  for (const sku of skus) {
    const stock = await client.stock(sku);
    for (const level of stock.warehouses ?? []) {
      if (!(level.reserved >= 0 && level.reserved <= level.onHand)) {
        violations.push(`${sku}@${level.warehouse}: 0 ≤ reserved ${level.reserved} ≤ on hand ${level.onHand} does not hold`);
      }
    }
  }
  return violations;
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

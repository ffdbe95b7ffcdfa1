import type { Mismatch } from '../mismatch';
import type { DocumentRecord, OrderLineRecord, OrderRecord, ReservationRecord, ShipmentRecord } from '../records';
import { isDispatched } from '../records';

/**
 * One order as each service sees it. A source left undefined was not read and is not checked;
 * reservations null means inventory has not seen the order (nothing reserved or issued there).
 */
export interface OrderEvidence {
  order: OrderRecord;
  /** invoicing's invoices of the order */
  invoices?: readonly DocumentRecord[];
  /** invoicing's credit notes of the order */
  creditNotes?: readonly DocumentRecord[];
  /** shipping's shipments of the order, cancelled ones included */
  shipments?: readonly ShipmentRecord[];
  reservations?: ReservationRecord | null;
}

type LineTotals = Map<number, number>;

function totalsByLine(entries: Iterable<{ lineNo: number; quantity: number }>): LineTotals {
  const totals: LineTotals = new Map();
  for (const { lineNo, quantity } of entries) totals.set(lineNo, (totals.get(lineNo) ?? 0) + quantity);
  return totals;
}

const documentLines = (documents: readonly DocumentRecord[]) => documents.flatMap((document) => document.lines);
const dispatchedLines = (shipments: readonly ShipmentRecord[]) =>
  shipments.filter(isDispatched).flatMap((shipment) => shipment.lines.map((line) => ({ ...line, warehouse: shipment.warehouse })));
const inventoryLines = (reservations: ReservationRecord | null) =>
  (reservations?.lines ?? []).flatMap((line) => line.warehouses.map((warehouse) => ({ lineNo: line.lineNo, sku: line.sku, ...warehouse })));

/**
 * docs/design.md#invariants per order line: shipped ≤ reserved ≤ ordered; invoiced = shipped; credited =
 * returned — on the order itself and against the services that hold the facts: invoicing's
 * invoices and credit notes, shipping's dispatched shipments, inventory's reservations and goods
 * issued. Also: the order lists exactly invoicing's invoices, one per dispatched shipment.
 */
export function orderMismatches(evidence: OrderEvidence): Mismatch[] {
  const { order } = evidence;
  const mismatches: Mismatch[] = [];
  const at = (line: OrderLineRecord) => ({ orderId: order.id, lineNo: line.lineNo, sku: line.sku });
  const report = (check: string, line: OrderLineRecord, detail: string) => mismatches.push({ check, ids: at(line), detail });

  for (const line of order.lines) {
    const { ordered, reserved, shipped, invoiced, returned, credited } = line;
    if (!(0 <= shipped && shipped <= reserved && reserved <= ordered)) {
      report('order-quantities', line, `0 ≤ shipped ${shipped} ≤ reserved ${reserved} ≤ ordered ${ordered} does not hold on the order`);
    }
    if (invoiced !== shipped) report('order-invoiced', line, `the order counts invoiced ${invoiced}, shipped ${shipped}`);
    if (credited !== returned) report('order-credited', line, `the order counts credited ${credited}, returned ${returned}`);
  }

  const compare = (check: string, source: string, totals: LineTotals, expected: (line: OrderLineRecord) => number, what: string) => {
    for (const line of order.lines) {
      const found = totals.get(line.lineNo) ?? 0;
      if (found !== expected(line)) report(check, line, `${source} ${found}, the order ${what} ${expected(line)}`);
    }
  };
  if (evidence.invoices) {
    compare('invoiced=shipped', 'invoices hold', totalsByLine(documentLines(evidence.invoices)), (line) => line.shipped, 'shipped');
  }
  if (evidence.creditNotes) {
    compare('credited=returned', 'credit notes hold', totalsByLine(documentLines(evidence.creditNotes)), (line) => line.returned, 'returned');
  }
  if (evidence.shipments) {
    compare('dispatched=shipped', 'shipping dispatched', totalsByLine(dispatchedLines(evidence.shipments)), (line) => line.shipped, 'shipped');
  }
  if (evidence.reservations !== undefined) {
    const held = inventoryLines(evidence.reservations);
    compare('issued=shipped', 'inventory issued', totalsByLine(held.map((entry) => ({ ...entry, quantity: entry.issued }))), (line) => line.shipped, 'shipped');
    compare('inventory-reserved=reserved', 'inventory reserved', totalsByLine(held.map((entry) => ({ ...entry, quantity: entry.reserved }))), (line) => line.reserved, 'reserved');
    compare('restocked=returned', 'inventory restocked', totalsByLine(held.map((entry) => ({ ...entry, quantity: entry.returned }))), (line) => line.returned, 'returned');
    if (evidence.shipments) mismatches.push(...issuedPerWarehouse(order, held, dispatchedLines(evidence.shipments)));
  }
  mismatches.push(...unknownLines(evidence), ...invoiceList(evidence));
  return mismatches;
}

/** Per line and warehouse, inventory issued what shipping dispatched from there. */
function issuedPerWarehouse(
  order: OrderRecord,
  issued: { lineNo: number; sku: string; warehouse: string; issued: number }[],
  dispatched: { lineNo: number; sku: string; warehouse: string; quantity: number }[],
): Mismatch[] {
  const totals = new Map<string, { lineNo: number; sku: string; warehouse: string; issued: number; dispatched: number }>();
  const entry = (lineNo: number, sku: string, warehouse: string) => {
    const key = `${lineNo}\u0000${warehouse}`;
    const found = totals.get(key) ?? { lineNo, sku, warehouse, issued: 0, dispatched: 0 };
    totals.set(key, found);
    return found;
  };
  for (const line of issued) entry(line.lineNo, line.sku, line.warehouse).issued += line.issued;
  for (const line of dispatched) entry(line.lineNo, line.sku, line.warehouse).dispatched += line.quantity;
  return [...totals.values()]
    .filter((total) => total.issued !== total.dispatched)
    .map(({ lineNo, sku, warehouse, issued: fromInventory, dispatched: fromShipping }) => ({
      check: 'issued=dispatched',
      ids: { orderId: order.id, lineNo, sku, warehouse },
      detail: `inventory issued ${fromInventory} from the warehouse, shipping dispatched ${fromShipping}`,
    }));
}

/** Quantities the other services hold for a line the order does not have, or under another sku. */
function unknownLines(evidence: OrderEvidence): Mismatch[] {
  const { order } = evidence;
  const skus = new Map(order.lines.map((line) => [line.lineNo, line.sku]));
  const sources: [string, { lineNo: number; sku: string }[]][] = [
    ['an invoice', documentLines(evidence.invoices ?? [])],
    ['a credit note', documentLines(evidence.creditNotes ?? [])],
    ['a shipment', (evidence.shipments ?? []).flatMap((shipment) => shipment.lines)],
    ['inventory', evidence.reservations?.lines ?? []],
  ];
  const mismatches: Mismatch[] = [];
  const seen = new Set<string>();
  for (const [source, lines] of sources) {
    for (const { lineNo, sku } of lines) {
      const key = `${source}\u0000${lineNo}\u0000${sku}`;
      if (seen.has(key) || skus.get(lineNo) === sku) continue;
      seen.add(key);
      const detail = skus.has(lineNo) ? `${source} has sku ${sku} on the line, the order ${skus.get(lineNo)}` : `${source} has a line the order does not have`;
      mismatches.push({ check: 'unknown-line', ids: { orderId: order.id, lineNo, sku }, detail });
    }
  }
  return mismatches;
}

/** The order lists exactly invoicing's invoices with the same totals, and each dispatched shipment has one invoice. */
function invoiceList(evidence: OrderEvidence): Mismatch[] {
  const { order, invoices, shipments } = evidence;
  if (!invoices) return [];
  const mismatches: Mismatch[] = [];
  const onOrder = new Map(order.invoices.map((invoice) => [invoice.invoiceId, invoice]));
  for (const invoice of invoices) {
    const listed = onOrder.get(invoice.id);
    const ids = { orderId: order.id, invoice: invoice.number };
    if (!listed) mismatches.push({ check: 'order-invoices', ids, detail: 'invoicing issued it, the order does not list it' });
    else if (listed.totalMinor !== invoice.totalMinor) {
      mismatches.push({ check: 'order-invoices', ids, detail: `the order shows total ${listed.totalMinor}, invoicing ${invoice.totalMinor}` });
    }
  }
  const issued = new Set(invoices.map((invoice) => invoice.id));
  for (const listed of order.invoices) {
    if (!issued.has(listed.invoiceId)) {
      mismatches.push({ check: 'order-invoices', ids: { orderId: order.id, invoice: listed.invoiceNumber }, detail: 'the order lists it, invoicing has no such invoice' });
    }
  }
  if (!shipments) return mismatches;
  const dispatched = new Map(shipments.filter(isDispatched).map((shipment) => [shipment.id, shipment]));
  const billed = new Map<string, DocumentRecord[]>();
  for (const invoice of invoices) {
    const shipmentId = invoice.shipmentId ?? '';
    billed.set(shipmentId, [...(billed.get(shipmentId) ?? []), invoice]);
    if (!dispatched.has(shipmentId)) {
      mismatches.push({ check: 'invoice-per-shipment', ids: { orderId: order.id, invoice: invoice.number, shipmentId }, detail: 'the invoice bills a shipment shipping has not dispatched' });
    }
  }
  for (const shipment of dispatched.values()) {
    const count = billed.get(shipment.id)?.length ?? 0;
    if (count !== 1) {
      const detail = `${count} invoices for the dispatched shipment, expected 1`;
      mismatches.push({ check: 'invoice-per-shipment', ids: { orderId: order.id, shipmentId: shipment.id, warehouse: shipment.warehouse }, detail });
    }
  }
  return mismatches;
}

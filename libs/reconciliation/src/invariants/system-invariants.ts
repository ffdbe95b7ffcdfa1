import type { Mismatch } from '../mismatch';
import type { CrmCustomerRecord, CustomerAccountRecord, DocumentRecord, MessagingRecord, OrderRecord, ReservationRecord, ReservedOrderRecord, ShipmentRecord, StockRecord } from '../records';
import { exposureMismatches, revenueMismatches } from './customer-invariants';
import { documentMismatches } from './document-invariants';
import type { MessagingRules } from './messaging-invariants';
import { messagingMismatches } from './messaging-invariants';
import { orderMismatches } from './order-invariants';
import { orphanEffects } from './orphan-invariants';
import { stockMismatches } from './stock-invariants';

/** Everything the services answered. A source left undefined was not read (its service skipped). */
export interface SystemSnapshot {
  orders: readonly OrderRecord[];
  /** Orders the listing missed but the order service knew once the effects were read: no orphans, checked next time. */
  placedMeanwhile?: readonly string[];
  invoices?: readonly DocumentRecord[];
  creditNotes?: readonly DocumentRecord[];
  shipments?: readonly ShipmentRecord[];
  /** By order id; an order missing here is one inventory has not seen. */
  reservations?: ReadonlyMap<string, ReservationRecord>;
  /** Every order inventory has seen, also those the order service does not know. */
  reservedOrders?: readonly ReservedOrderRecord[];
  stock?: readonly StockRecord[];
  /** crm-sync's view of each customer invoicing issued documents to, once per survivor. */
  crmCustomers?: readonly CrmCustomerRecord[];
  /** The order service's customer accounts of the same customers, once per survivor. */
  customerAccounts?: readonly CustomerAccountRecord[];
  messaging: readonly MessagingRecord[];
}

export interface CheckedCounts {
  orders: number;
  orderLines: number;
  invoices: number;
  creditNotes: number;
  shipments: number;
  skus: number;
  stockLevels: number;
  /** Services whose outbox, consumer and dead letters were checked. */
  messagingServices: string[];
  /** Of those, the ones that do not report inbox duplicates. */
  inboxUnreported: string[];
}

export interface Reconciliation {
  mismatches: Mismatch[];
  checked: CheckedCounts;
}

function byOrder<T extends { orderId: string }>(records: readonly T[] | undefined): Map<string, T[]> | undefined {
  if (!records) return undefined;
  const grouped = new Map<string, T[]>();
  for (const record of records) grouped.set(record.orderId, [...(grouped.get(record.orderId) ?? []), record]);
  return grouped;
}

/** Every invariant of docs/design.md#invariants over every order, sku, invoice and credit note, and each service's messaging. */
export function reconcile(snapshot: SystemSnapshot, rules: MessagingRules): Reconciliation {
  const invoices = byOrder(snapshot.invoices);
  const creditNotes = byOrder(snapshot.creditNotes);
  const shipments = byOrder(snapshot.shipments);
  const { reservations } = snapshot;
  const mismatches: Mismatch[] = [];
  for (const order of snapshot.orders) {
    mismatches.push(
      ...orderMismatches({
        order,
        invoices: invoices && (invoices.get(order.id) ?? []),
        creditNotes: creditNotes && (creditNotes.get(order.id) ?? []),
        shipments: shipments && (shipments.get(order.id) ?? []),
        reservations: reservations && (reservations.get(order.id) ?? null),
      }),
    );
  }
  mismatches.push(...orphanEffects(new Set([...snapshot.orders.map((order) => order.id), ...(snapshot.placedMeanwhile ?? [])]), snapshot));
  for (const invoice of snapshot.invoices ?? []) mismatches.push(...documentMismatches(invoice, 'invoice'));
  for (const note of snapshot.creditNotes ?? []) mismatches.push(...documentMismatches(note, 'credit-note'));
  for (const stock of snapshot.stock ?? []) mismatches.push(...stockMismatches(stock));
  for (const customer of snapshot.crmCustomers ?? []) mismatches.push(...revenueMismatches(customer, snapshot));
  for (const account of snapshot.customerAccounts ?? []) mismatches.push(...exposureMismatches(account, snapshot));
  for (const messaging of snapshot.messaging) mismatches.push(...messagingMismatches(messaging, rules));

  return {
    mismatches,
    checked: {
      orders: snapshot.orders.length,
      orderLines: snapshot.orders.reduce((total, order) => total + order.lines.length, 0),
      invoices: snapshot.invoices?.length ?? 0,
      creditNotes: snapshot.creditNotes?.length ?? 0,
      shipments: snapshot.shipments?.length ?? 0,
      skus: snapshot.stock?.length ?? 0,
      stockLevels: (snapshot.stock ?? []).reduce((total, stock) => total + stock.warehouses.length, 0),
      messagingServices: snapshot.messaging.map((messaging) => messaging.service),
      inboxUnreported: snapshot.messaging.filter((messaging) => messaging.inboxDuplicates === undefined).map((messaging) => messaging.service),
    },
  };
}

/** One line: what was checked and how many mismatches were found. */
export function formatSummary({ mismatches, checked }: Reconciliation, skipped: readonly string[] = []): string {
  const parts = [
    `${checked.orders} orders (${checked.orderLines} lines)`,
    `${checked.invoices} invoices`,
    `${checked.creditNotes} credit notes`,
    `${checked.shipments} shipments`,
    `${checked.skus} skus (${checked.stockLevels} sku/warehouse levels)`,
    `messaging of ${checked.messagingServices.length} services`,
  ];
  const notes = [
    ...(checked.inboxUnreported.length > 0 ? [`inbox duplicates not reported by ${checked.inboxUnreported.join(', ')}`] : []),
    ...(skipped.length > 0 ? [`skipped ${skipped.join(', ')}`] : []),
  ];
  const verdict = mismatches.length === 0 ? 'no mismatches' : `${mismatches.length} mismatch${mismatches.length === 1 ? '' : 'es'}`;
  return `reconcile: checked ${parts.join(', ')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}: ${verdict}`;
}

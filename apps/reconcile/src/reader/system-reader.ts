import type {
  CrmCustomerRecord,
  CustomerAccountRecord,
  DeadLetterRecord,
  DocumentRecord,
  MessagingRecord,
  OrderRecord,
  ReservationRecord,
  ReservedOrderRecord,
  RetryingPartitionRecord,
  ShipmentRecord,
  StockRecord,
  SystemSnapshot,
} from '@tradeflow/reconciliation';
import { ServiceClient, ServiceReadError } from './service-client';

export const SERVICES = ['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Base URL per service; a service left out is skipped (order never is). */
export type ServiceUrls = { order: string } & Partial<Record<Exclude<ServiceName, 'order'>, string>>;

const BY_ID = { param: 'afterId', field: 'nextAfterId' };
const BY_SKU = { param: 'afterSku', field: 'nextAfterSku' };
const BY_ORDER_ID = { param: 'afterOrderId', field: 'nextAfterOrderId' };
/** Per-order reads (inventory's reservations) in parallel, but not all at once. */
const CONCURRENCY = 8;
const DEAD_LETTERS_SHOWN = 1000;

interface MessagingStatus {
  outbox: { count: number; oldestAgeSeconds: number } | { error: string };
  retrying?: RetryingPartitionRecord[];
  inbox?: { duplicates?: unknown };
}

async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

async function readMessaging(client: ServiceClient): Promise<MessagingRecord> {
  const [status, deadLetters] = await Promise.all([
    client.require<MessagingStatus>('/v1/messaging/status'),
    // Open letters only: a replayed or dismissed one is handled (the default listing, said out loud).
    client.require<{ count: number; deadLetters: DeadLetterRecord[] }>(
      `/v1/dead-letters?limit=${DEAD_LETTERS_SHOWN}&includeReplayed=false&includeDismissed=false`,
    ),
  ]);
  if ('error' in status.outbox) throw new ServiceReadError(client.service, `cannot read its outbox: ${status.outbox.error}`);
  const duplicates = status.inbox?.duplicates;
  return {
    service: client.service,
    outbox: { count: status.outbox.count, oldestAgeSeconds: status.outbox.oldestAgeSeconds },
    retrying: status.retrying ?? [],
    inboxDuplicates: typeof duplicates === 'number' ? duplicates : undefined,
    deadLetters: { count: deadLetters.count, items: deadLetters.deadLetters },
  };
}

/**
 * Reads every service's API into one snapshot, with `token` (a bearer token that may read
 * everything: role auditor). Orders first: an effect of an order the listing does not have is an
 * orphan only if the order service still does not know the order once the effects were read.
 */
export async function readSystem(urls: ServiceUrls, token: string): Promise<SystemSnapshot> {
  const options = { headers: { authorization: `Bearer ${token}` } };
  const order = new ServiceClient('order', urls.order, options);
  const client = (service: Exclude<ServiceName, 'order'>) => (urls[service] ? new ServiceClient(service, urls[service], options) : undefined);
  const [inventory, invoicing, shipping, crmSync] = [client('inventory'), client('invoicing'), client('shipping'), client('crm-sync')];

  const orders = await order.pages<OrderRecord>('/v1/orders', BY_ID);
  const [invoices, creditNotes, shipments, stock, messaging, reservations, reservedOrders] = await Promise.all([
    invoicing?.pages<DocumentRecord>('/v1/invoices', BY_ID),
    invoicing?.pages<DocumentRecord>('/v1/credit-notes', BY_ID),
    shipping?.pages<ShipmentRecord>('/v1/shipments', BY_ID),
    inventory?.pages<StockRecord>('/v1/stock', BY_SKU),
    Promise.all([order, inventory, invoicing, shipping, crmSync].filter((each) => each !== undefined).map(readMessaging)),
    inventory && readReservations(inventory, orders),
    inventory?.pages<ReservedOrderRecord>('/v1/reservations/orders', BY_ORDER_ID),
  ]);
  const unlisted = new Set(
    [...(reservedOrders ?? []), ...(shipments ?? []), ...(invoices ?? []), ...(creditNotes ?? [])].map((effect) => effect.orderId),
  );
  for (const listed of orders) unlisted.delete(listed.id);
  const placedMeanwhile = await inParallel([...unlisted], async (id) => ((await order.get(`/v1/orders/${encodeURIComponent(id)}`, true)) ? id : undefined));
  const customerIds = [...new Set([...(invoices ?? []), ...(creditNotes ?? [])].map((document) => document.customerId))];
  const [crmCustomers, customerAccounts] = await Promise.all([
    crmSync && readCustomers<CrmCustomerRecord>(crmSync, customerIds, '/v1/customers', (customer) => customer.customerId),
    invoicing && readCustomers<CustomerAccountRecord>(order, customerIds, '/v1/customer-accounts', (account) => account.survivorId),
  ]);
  return {
    orders,
    placedMeanwhile: placedMeanwhile.filter((id) => id !== undefined),
    invoices,
    creditNotes,
    shipments,
    stock,
    messaging,
    reservations,
    reservedOrders,
    crmCustomers,
    customerAccounts,
  };
}

/**
 * Each customer invoicing issued documents to, once per survivor (a merged id answers with its
 * survivor's figures). A customer the service does not know (404) is left out: it has nothing to compare.
 */
async function readCustomers<T>(client: ServiceClient, customerIds: readonly string[], path: string, survivorOf: (view: T) => string): Promise<T[]> {
  const found = await inParallel(customerIds, (id) => client.get<T>(`${path}/${encodeURIComponent(id)}`, true));
  const bySurvivor = new Map(found.filter((view) => view !== undefined).map((view) => [survivorOf(view), view]));
  return [...bySurvivor.values()];
}

async function readReservations(inventory: ServiceClient, orders: readonly OrderRecord[]): Promise<Map<string, ReservationRecord>> {
  const found = await inParallel(orders, (order) => inventory.get<ReservationRecord>(`/v1/reservations?orderId=${encodeURIComponent(order.id)}`, true));
  return new Map(found.filter((view) => view !== undefined).map((view) => [view.orderId, view]));
}

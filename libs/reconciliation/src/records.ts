/**
 * What reconciliation reads from each service's HTTP API: only the fields it checks, so a view may
 * carry more. Quantities per order line (lineNo), money in minor units.
 */

/** GET /v1/orders (order): the order's own counters per line, from the events it followed. */
export interface OrderLineRecord {
  lineNo: number;
  sku: string;
  ordered: number;
  reserved: number;
  shipped: number;
  invoiced: number;
  returned: number;
  credited: number;
}

export interface OrderInvoiceRecord {
  invoiceId: string;
  invoiceNumber: string;
  totalMinor: number;
}

export interface OrderRecord {
  id: string;
  status: string;
  lines: OrderLineRecord[];
  invoices: OrderInvoiceRecord[];
}

/** An invoice or credit note line (invoicing). */
export interface DocumentLineRecord {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
  netMinor: number;
  taxMinor: number;
}

/** GET /v1/invoices, GET /v1/credit-notes (invoicing). */
export interface DocumentRecord {
  id: string;
  number: string;
  orderId: string;
  /** The customer id it was issued to (CRM merges do not change it). */
  customerId: string;
  currency: string;
  /** Invoices only: the shipment it bills. */
  shipmentId?: string;
  lines: DocumentLineRecord[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Invoices only: the payments and the credit notes booked on it. */
  paidMinor?: number;
  creditedMinor?: number;
}

/** GET /v1/customers/{id} (crm-sync): a survivor's figures per currency, its merged ids' counted as its own. */
export interface CrmCustomerRecord {
  customerId: string;
  mergedCustomerIds: string[];
  totals: { currency: string; lifetimeRevenueMinor: number }[];
}

/** GET /v1/customer-accounts/{id} (order): what the credit check counts as owed on invoices, in the account's currency. */
export interface CustomerAccountRecord {
  survivorId: string;
  mergedIds: string[];
  currency: string | null;
  unpaidInvoicesMinor: number;
}

/** GET /v1/shipments (shipping). */
export interface ShipmentRecord {
  id: string;
  orderId: string;
  warehouse: string;
  status: string;
  lines: { lineNo: number; sku: string; quantity: number }[];
}

/** GET /v1/reservations?orderId= (inventory): per line and warehouse, what inventory reserved, issued and took back. */
export interface ReservationRecord {
  orderId: string;
  lines: {
    lineNo: number;
    sku: string;
    warehouses: { warehouse: string; reserved: number; issued: number; returned: number }[];
  }[];
}

/** GET /v1/reservations/orders (inventory): every order inventory has seen, with what it still holds for it. */
export interface ReservedOrderRecord {
  orderId: string;
  /** Still set aside in stock, over all lines and warehouses. */
  held: number;
  /** Still waiting for stock. */
  backordered: number;
}

/** GET /v1/stock (inventory). */
export interface StockRecord {
  sku: string;
  warehouses: { warehouse: string; onHand: number; reserved: number }[];
}

/** A record one service's consumer gave up on (GET /v1/dead-letters). */
export interface DeadLetterRecord {
  id: string;
  reason: string;
  eventType: string | null;
  eventId: string | null;
  key: string | null;
  originalTopic: string;
  errorClass: string;
  errorMessage: string;
  /** Handled letters: a service lists them only when asked, and they are never mismatches. */
  replayedAt?: string | null;
  dismissedAt?: string | null;
}

/** A consumer partition waiting to retry a failing record (GET /v1/messaging/status). */
export interface RetryingPartitionRecord {
  topic: string;
  partition: number;
  offset: string;
  attempts: number;
  firstFailureAt: string;
  lastError: string;
}

/** One service's messaging: outbox backlog, stuck partitions, inbox duplicates (when it tells), dead letters. */
export interface MessagingRecord {
  service: string;
  outbox: { count: number; oldestAgeSeconds: number };
  retrying: RetryingPartitionRecord[];
  /** Consumed events recorded more than once; undefined when the service does not report it. */
  inboxDuplicates?: number;
  deadLetters: { count: number; items: DeadLetterRecord[] };
}

/** Shipments whose goods have left the warehouse for good, whatever the carrier made of them since (a carrier exception). */
export function isDispatched(shipment: Pick<ShipmentRecord, 'status'>): boolean {
  return ['DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST', 'DAMAGED'].includes(shipment.status);
}

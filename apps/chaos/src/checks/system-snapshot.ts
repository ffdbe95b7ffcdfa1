import type { ChaosCredentials, HeaderSource } from '../load/credentials';
import type { RetryingHttp } from '../load/retrying-http';
import type { ChaosStack } from '../stack/chaos-stack';

export interface OrderLine {
  lineNo: number;
  sku: string;
  ordered: number;
  reserved: number;
  backordered: number;
  shipped: number;
  invoiced: number;
  cancelled: number;
  returned: number;
  credited: number;
}

export interface Order {
  id: string;
  status: string;
  lines: OrderLine[];
  invoices: { invoiceId: string; totalMinor: number; paidMinor: number; paid: boolean }[];
}

export interface Shipment {
  id: string;
  orderId: string;
  warehouse: string;
  status: string;
  lines: { lineNo: number; sku: string; quantity: number }[];
}

export interface Invoice {
  id: string;
  orderId: string;
  shipmentId: string;
  totalMinor: number;
  paidMinor: number;
}

export interface CreditNote {
  id: string;
  orderId: string;
  lines: { lineNo: number; quantity: number }[];
}

export interface StockLevels {
  sku: string;
  warehouses: { warehouse: string; onHand: number; reserved: number }[];
}

export interface DeadLetter {
  reason: string;
  eventType: string | null;
  originalTopic: string;
  errorMessage: string;
}

/** Everything the checks read, from the services' own APIs, once the system is at rest. */
export interface SystemSnapshot {
  orders: Order[];
  shipments: Shipment[];
  invoices: Invoice[];
  creditNotes: CreditNote[];
  stock: StockLevels[];
  /** Returns (shipping's view, each line with the warehouse it went back to), of the orders given. */
  returns: { orderId: string; status: string; receivedLines: { sku: string; warehouse: string; quantity: number }[] | null }[];
  deadLetters: Record<string, { count: number; items: DeadLetter[] }>;
}

async function pages<T>(http: RetryingHttp, url: string, cursor: 'afterId' | 'afterSku', headers: HeaderSource): Promise<T[]> {
  const items: T[] = [];
  const field = cursor === 'afterId' ? 'nextAfterId' : 'nextAfterSku';
  for (let after: string | null = null; ; ) {
    const query: string = after === null ? 'limit=500' : `limit=500&${cursor}=${encodeURIComponent(after)}`;
    const answer = await http.get(`${url}?${query}`, headers);
    if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
    items.push(...(answer.body.items as T[]));
    const next = answer.body[field] as string | null;
    if (next === null || next === after) return items;
    after = next;
  }
}

/** Read as the shop (its orders, all the load placed) and the auditor (everything else; reading changes nothing). */
export async function readSnapshot(http: RetryingHttp, credentials: ChaosCredentials, stack: ChaosStack, ordersWithReturns: string[]): Promise<SystemSnapshot> {
  const auditor = credentials.as('auditor');
  const orders = await pages<Order>(http, `${stack.order.url}/v1/orders`, 'afterId', credentials.shop());
  const shipments = await pages<Shipment>(http, `${stack.shipping.url}/v1/shipments`, 'afterId', auditor);
  const invoices = await pages<Invoice>(http, `${stack.invoicing.url}/v1/invoices`, 'afterId', auditor);
  const creditNotes = await pages<CreditNote>(http, `${stack.invoicing.url}/v1/credit-notes`, 'afterId', auditor);
  const stock = await pages<StockLevels>(http, `${stack.inventory.url}/v1/stock`, 'afterSku', auditor);
  const returns: SystemSnapshot['returns'] = [];
  for (const orderId of ordersWithReturns) {
    const found = (await http.get(`${stack.shipping.url}/v1/returns?orderId=${orderId}`, auditor)).body as SystemSnapshot['returns'];
    returns.push(...found.map((view) => ({ ...view, orderId })));
  }
  const deadLetters: SystemSnapshot['deadLetters'] = {};
  for (const service of Object.values(stack)) {
    // Replayed ones too: a dead letter someone replayed by hand during the drain still happened.
    const answer = await http.get(`${service.url}/v1/dead-letters?limit=100&includeReplayed=true`, auditor);
    deadLetters[service.name] = { count: answer.body.count, items: answer.body.deadLetters };
  }
  return { orders, shipments, invoices, creditNotes, stock, returns, deadLetters };
}

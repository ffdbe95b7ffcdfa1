import type { DomainEvent, EventType } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import { signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient, HttpAnswer } from '@tradeflow/testing';
import { publishedProduct, ServiceUnderTest } from '@tradeflow/testing';
import type { ProductMeasures } from '../labels/parcel';
import type { ShipmentView } from '../shipments/dto/shipment-view.dto';
import { ShippingSettings } from '../shipping-settings';
import { shippingService } from '../shipping-service';

type Line = [lineNo: number, sku: string, quantity: number];
type Allocation = [lineNo: number, sku: string, warehouse: string, quantity: number];

const allocations = (entries: Allocation[]) => entries.map(([lineNo, sku, warehouse, quantity]) => ({ lineNo, sku, warehouse, quantity }));
const metadata = (producer: 'order' | 'inventory') => (orderId: string, version: number) => ({
  producer,
  aggregateId: orderId,
  aggregateVersion: version,
  correlationId: orderId,
});
const fromOrder = metadata('order');
const fromProductMaster = (sku: string, version: number) => ({ producer: 'inventory' as const, aggregateId: sku, aggregateVersion: version, correlationId: sku });
const productRecord = (sku: string, version: number, measures: ProductMeasures) => publishedProduct(sku, { version, ...measures });
const fromInventory = metadata('inventory');

/** Events other services would publish, as the shipping service receives them. */
export const upstream = {
  placed(orderId: string, lines: Line[], allowPartialShipment = false) {
    return createEvent(
      'OrderPlaced',
      {
        orderId,
        channel: 'web-shop',
        channelOrderNumber: null,
        customerId: 'CUST-1',
        currency: 'EUR',
        allowPartialShipment,
        shippingAddress: { name: 'Ada Lovelace', line1: 'Hauptstr. 1', line2: null, city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
        lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity, unitPriceMinor: 1000, taxRateBp: 1900 })),
      },
      fromOrder(orderId, 1),
    );
  },
  amended(orderId: string, lines: Line[], version = 3) {
    return createEvent(
      'OrderAmended',
      { orderId, lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity, unitPriceMinor: 1000, taxRateBp: 1900 })) },
      fromOrder(orderId, version),
    );
  },
  cancelled(orderId: string, lines: Line[], version = 3) {
    return createEvent(
      'OrderCancelled',
      { orderId, reason: 'customer changed their mind', lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity })) },
      fromOrder(orderId, version),
    );
  },
  returnRequested(orderId: string, returnId: string, lines: Line[], version = 5) {
    return createEvent(
      'ReturnRequested',
      { orderId, returnId, lines: lines.map(([lineNo, sku, quantity]) => ({ lineNo, sku, quantity })) },
      fromOrder(orderId, version),
    );
  },
  reserved(orderId: string, entries: Allocation[], version = 1) {
    return createEvent('StockReserved', { orderId, allocations: allocations(entries) }, fromInventory(orderId, version));
  },
  released(orderId: string, reason: string, entries: Allocation[], version = 2) {
    return createEvent('StockReleased', { orderId, reason, allocations: allocations(entries), backorders: [] }, fromInventory(orderId, version));
  },
  productUpserted(sku: string, version: number, measures: ProductMeasures) {
    return createEvent('ProductUpserted', productRecord(sku, version, measures), fromProductMaster(sku, version));
  },
  productDiscontinued(sku: string, version: number, measures: ProductMeasures) {
    return createEvent(
      'ProductDiscontinued',
      { ...productRecord(sku, version, measures), status: 'DISCONTINUED', reason: 'end of line' },
      fromProductMaster(sku, version),
    );
  },
};

/** The secret the tests give the service for the carrier's webhooks (CARRIER_WEBHOOK_SECRET). */
const CARRIER_SECRET = 'carrier-webhook-secret-used-by-the-tests';

/** An entry of GET /v1/audit: who did what to which record. */
export interface AuditEntry {
  action: string;
  targetId: string;
  targets: Record<string, string>;
  actorSubject: string;
  actorRoles: string[];
  actorVia: string;
  route: string;
}

/** A development client's bearer token, or none at all. */
export type Caller = DevClient | 'anonymous';

export interface CarrierEvent {
  trackingNumber: string | null;
  status: string;
  detail?: string;
}

/** A carrier event as it goes over the wire: the exact body bytes and the headers signing them. */
export interface SignedCarrierEvent {
  body: string;
  headers: Record<string, string>;
}

/** Signs an event as the carrier does; `secret` and `timestamp` (unix seconds) default to the current secret, now. */
export function signCarrierEvent(event: CarrierEvent, signing: { secret?: string; timestamp?: number } = {}): SignedCarrierEvent {
  const body = JSON.stringify(event);
  return { body, headers: signedWebhookHeaders(signing.secret ?? CARRIER_SECRET, body, signing.timestamp) };
}

/** One shipping service in-process; the order and inventory services are played by events published straight to Kafka. */
export class ShippingUnderTest extends ServiceUnderTest<ShippingSettings> {
  constructor() {
    super({ definition: shippingService, settings: ShippingSettings, env: { CARRIER_WEBHOOK_SECRET: CARRIER_SECRET, LABEL_RETRY_BASE_MS: '20' } });
  }

  /** Calls the API as `as` (by default the warehouse, who works with shipments and returns). */
  call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown, as: Caller = 'warehouse'): Promise<HttpAnswer<T>> {
    return this.request<T>(method, path, { body, as: as === 'anonymous' ? undefined : as });
  }

  /** Posts a carrier event signed with the current secret, now; or sends an already signed one again as it was. */
  carrierEvent<T = unknown>(event: CarrierEvent | SignedCarrierEvent): Promise<HttpAnswer<T>> {
    const signed = 'headers' in event ? event : signCarrierEvent(event);
    return this.request<T>('POST', '/v1/carrier/events', { headers: signed.headers, rawBody: signed.body });
  }

  /** The audit trail of one shipment or return, newest first, as an auditor reads it. */
  async auditOf(targetId: string): Promise<AuditEntry[]> {
    const { status, body } = await this.call<{ records: AuditEntry[] }>('GET', `/v1/audit?targetId=${targetId}`, undefined, 'auditor');
    if (status !== 200) throw new Error(`GET audit answered ${status}`);
    return body.records;
  }

  async shipmentsOf(orderId: string): Promise<ShipmentView[]> {
    const { status, body } = await this.call<ShipmentView[]>('GET', `/v1/shipments?orderId=${orderId}`);
    if (status !== 200) throw new Error(`GET shipments answered ${status}`);
    return body;
  }

  /** Reads the shipments topic until `done` accepts the event types published for the order, then decodes them. */
  shipmentEvents(orderId: string, done: (types: EventType[]) => boolean): Promise<DomainEvent[]> {
    return this.published('tradeflow.shipments.v1', orderId, (types) => done(types as EventType[]));
  }
}

import type { DomainEvent, EventType } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/service';
import { startService } from '@tradeflow/service';
import { loadConfig, signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient, ReceivedRecord } from '@tradeflow/testing';
import { createDatabase, devAuthorization, requiredEnv, serviceUnderTestEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
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
const fromInventory = metadata('inventory');

/** Events other services would publish, as the shipping service receives them. */
export const upstream = {
  placed(orderId: string, lines: Line[], allowPartialShipment = false) {
    return createEvent(
      'OrderPlaced',
      {
        orderId,
        channel: 'web-shop',
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
};

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

/** The secret the harness gives the service for the carrier's webhooks (CARRIER_WEBHOOK_SECRET). */
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

/**
 * One shipping service in-process on its own topic prefix and database, against the real Kafka,
 * registry and Postgres. `restart` keeps both, as a redeployed service would.
 */
export class ShippingHarness {
  readonly prefix = uniqueTopicPrefix();
  readonly kafka = new TestKafka(this.prefix);
  private databaseUrl?: string;
  private running?: RunningService;

  async start(env: Record<string, string> = {}): Promise<void> {
    this.databaseUrl ??= await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `ship_${randomUUID().slice(0, 8)}`);
    const settings = loadConfig(ShippingSettings, {
      ...serviceUnderTestEnv(),
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      KAFKA_CONSUMER_GROUP: `${this.prefix}shipping`,
      DATABASE_URL_SHIPPING: this.databaseUrl,
      CARRIER_WEBHOOK_SECRET: CARRIER_SECRET,
      LOG_LEVEL: 'error',
      LABEL_RETRY_BASE_MS: '20',
      ...env,
    });
    this.running = await startService(shippingService, settings);
  }

  async stop(): Promise<void> {
    await this.running?.app.close();
    this.running = undefined;
  }

  async restart(env: Record<string, string> = {}): Promise<void> {
    await this.stop();
    await this.start(env);
  }

  /** The service's `/metrics` text, as Prometheus scrapes it. */
  async metrics(): Promise<string> {
    if (!this.running) throw new Error('shipping is not running');
    return (await fetch(this.running.metricsUrl)).text();
  }

  /** Calls the API as `as` (by default the warehouse, who works with shipments and returns). */
  async request<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown, as: Caller = 'warehouse'): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = as === 'anonymous' ? {} : await devAuthorization(as);
    if (body === undefined) return this.send(method, path, headers);
    return this.send(method, path, { ...headers, 'content-type': 'application/json' }, JSON.stringify(body));
  }

  /** Posts a carrier event signed with the current secret, now; or sends an already signed one again as it was. */
  carrierEvent<T = unknown>(event: CarrierEvent | SignedCarrierEvent): Promise<HttpAnswer<T>> {
    const signed = 'headers' in event ? event : signCarrierEvent(event);
    return this.send('POST', '/v1/carrier/events', signed.headers, signed.body);
  }

  private async send<T>(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer<T>> {
    if (!this.running) throw new Error('the shipping service is not running');
    const response = await fetch(`${this.running.url}${path}`, { method, headers, body });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** The audit trail of one shipment or return, newest first, as an auditor reads it. */
  async auditOf(targetId: string): Promise<AuditEntry[]> {
    const { status, body } = await this.request<{ records: AuditEntry[] }>('GET', `/v1/audit?targetId=${targetId}`, undefined, 'auditor');
    if (status !== 200) throw new Error(`GET audit answered ${status}`);
    return body.records;
  }

  async shipmentsOf(orderId: string): Promise<ShipmentView[]> {
    const { status, body } = await this.request<ShipmentView[]>('GET', `/v1/shipments?orderId=${orderId}`);
    if (status !== 200) throw new Error(`GET shipments answered ${status}`);
    return body;
  }

  publish(...events: DomainEvent[]): Promise<void> {
    return this.kafka.publish(events, (event) => event.aggregateId);
  }

  /** Reads the shipments topic until `done` accepts the event types published for the order, then decodes them. */
  async shipmentEvents(orderId: string, done: (types: EventType[]) => boolean): Promise<DomainEvent[]> {
    const mine = (records: ReceivedRecord[]) => records.filter((record) => record.key === orderId);
    const records = await this.kafka.readUntil('tradeflow.shipments.v1', (all) =>
      done(mine(all).map((record) => String(record.headers['event-type']) as EventType)),
    );
    return Promise.all(mine(records).map((record) => this.kafka.codec.decode(record.value)));
  }
}

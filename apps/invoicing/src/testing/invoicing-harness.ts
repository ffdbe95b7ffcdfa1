import type { DomainEvent, EventOfType, EventType, OrderPlacedLine, ReturnReceivedLine, ShipmentDispatchedLine } from '@tradeflow/events';
import { createEvent, TOPICS } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/messaging';
import { startService } from '@tradeflow/messaging';
import { loadConfig } from '@tradeflow/platform';
import { createDatabase, requiredEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingSettings } from '../invoicing-settings';
import { invoicingService } from '../invoicing-service';

/**
 * For the integration specs: the invoicing service in-process on a fresh database and topics of
 * its own, with the order and shipping services played by events published straight to Kafka.
 */
export interface InvoicingHarness {
  service: RunningService;
  kafka: TestKafka;
  publish(...events: DomainEvent[]): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Waits until `count` events about the order are on the invoices topic, and returns them decoded. */
  publishedFor(orderId: string, count: number): Promise<DomainEvent[]>;
  close(): Promise<void>;
}

export async function startInvoicing(): Promise<InvoicingHarness> {
  const prefix = uniqueTopicPrefix();
  const suffix = randomUUID().slice(0, 8);
  const kafka = new TestKafka(prefix);
  const settings = loadConfig(InvoicingSettings, {
    KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: requiredEnv('SCHEMA_REGISTRY_URL'),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    // A group of its own: suites run in parallel, and one group over different topics keeps rebalancing.
    KAFKA_CONSUMER_GROUP: `invoicing-${suffix}`,
    OUTBOX_POLL_INTERVAL_MS: '200',
    DATABASE_URL_INVOICING: await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `invoicing_${suffix}`),
    PORT: '0',
    LOG_LEVEL: 'warn',
  });
  const service = await startService(invoicingService, settings);
  return {
    service,
    kafka,
    publish: (...events) => kafka.publish(events, (event) => (event as unknown as { orderId: string }).orderId),
    async call(method, path, body) {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async publishedFor(orderId, count) {
      const records = await kafka.readUntil(TOPICS.invoices.name, (all) => all.filter((record) => record.key === orderId).length >= count);
      return Promise.all(records.filter((record) => record.key === orderId).map((record) => kafka.codec.decode(record.value)));
    },
    close: () => service.app.close(),
  };
}

export function ofType<T extends EventType>(events: DomainEvent[], type: T): EventOfType<T>[] {
  return events.filter((event): event is EventOfType<T> => event.eventType === type);
}

type PlacedLine = Omit<OrderPlacedLine, 'lineNo'>;

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', line2: null, city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

export function orderPlaced(lines: PlacedLine[], orderId: string = randomUUID(), currency = 'EUR') {
  return createEvent(
    'OrderPlaced',
    {
      orderId,
      channel: 'web-shop',
      customerId: 'CUST-1',
      currency,
      allowPartialShipment: false,
      shippingAddress: ADDRESS,
      lines: lines.map((line, index) => ({ ...line, lineNo: index + 1 })),
    },
    { producer: 'order', aggregateId: orderId, aggregateVersion: 1, correlationId: `order-${orderId}` },
  );
}

export function orderAmended(orderId: string, version: number, lines: OrderPlacedLine[]) {
  return createEvent(
    'OrderAmended',
    { orderId, lines },
    { producer: 'order', aggregateId: orderId, aggregateVersion: version, correlationId: `order-${orderId}` },
  );
}

export function shipmentDispatched(orderId: string, lines: ShipmentDispatchedLine[], shipmentId: string = randomUUID()) {
  return createEvent(
    'ShipmentDispatched',
    { orderId, shipmentId, warehouse: 'BER', trackingNumber: `TRK-${shipmentId.slice(0, 8)}`, lines },
    { producer: 'shipping', aggregateId: shipmentId, aggregateVersion: 4, correlationId: `order-${orderId}` },
  );
}

export function returnReceived(orderId: string, lines: ReturnReceivedLine[], returnId: string = randomUUID()) {
  return createEvent(
    'ReturnReceived',
    { orderId, returnId, lines },
    { producer: 'shipping', aggregateId: returnId, aggregateVersion: 2, correlationId: `order-${orderId}` },
  );
}

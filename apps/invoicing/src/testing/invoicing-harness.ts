import type { DomainEvent, EventOfType, EventType, OrderPlacedLine, ReturnReceivedLine, ShipmentDispatchedLine } from '@tradeflow/events';
import { createEvent, TOPICS } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/service';
import { startService } from '@tradeflow/service';
import { loadConfig, signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { createDatabase, devAuthorization, eventually, requiredEnv, serviceUnderTestEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingSettings } from '../invoicing-settings';
import { invoicingService } from '../invoicing-service';

/** The payment provider's current webhook secret in every harness. */
const PROVIDER_SECRET = 'payment-provider-secret-for-tests-0001';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
type Answer = { status: number; body: any };

/**
 * For the integration specs: the invoicing service in-process on a fresh database and topics of
 * its own, with the order and shipping services played by events published straight to Kafka.
 */
export interface InvoicingHarness {
  service: RunningService;
  kafka: TestKafka;
  publish(...events: DomainEvent[]): Promise<void>;
  /** Calls the API as a development client (finance unless named); `null` sends no credential. */
  call(method: string, path: string, body?: unknown, as?: DevClient | null): Promise<Answer>;
  /** Posts a payment to the provider webhook, signed with `secret` at `timestamp` (unix seconds, now by default). */
  providerWebhook(payment: unknown, signing?: { secret?: string; timestamp?: number }): Promise<Answer>;
  /** Places and dispatches an order of 3 × 1299 at 19% and 1 × 250 at 7%, and waits for its invoice of 4905. */
  issueInvoice(): Promise<{ id: string; orderId: string; number: string; totalMinor: number }>;
  /** Waits until `count` events about the order are on the invoices topic, and returns them decoded. */
  publishedFor(orderId: string, count: number): Promise<DomainEvent[]>;
  close(): Promise<void>;
}

/** `env` adds or overrides settings, e.g. a previous webhook secret during a rotation. */
export async function startInvoicing(env: Record<string, string> = {}): Promise<InvoicingHarness> {
  const prefix = uniqueTopicPrefix();
  const suffix = randomUUID().slice(0, 8);
  const kafka = new TestKafka(prefix);
  const settings = loadConfig(InvoicingSettings, {
    ...serviceUnderTestEnv(),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    // A group of its own: suites run in parallel, and one group over different topics keeps rebalancing.
    KAFKA_CONSUMER_GROUP: `invoicing-${suffix}`,
    OUTBOX_POLL_INTERVAL_MS: '200',
    DATABASE_URL_INVOICING: await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `invoicing_${suffix}`),
    PAYMENT_PROVIDER_WEBHOOK_SECRET: PROVIDER_SECRET,
    LOG_LEVEL: 'error',
    ...env,
  });
  const service = await startService(invoicingService, settings);
  const harness: InvoicingHarness = {
    service,
    kafka,
    publish: (...events) => kafka.publish(events, (event) => (event as unknown as { orderId: string }).orderId),
    async call(method, path, body, as = 'finance') {
      const authorization = as === null ? {} : await devAuthorization(as);
      return answer(
        await fetch(`${service.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...authorization },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    },
    async providerWebhook(payment, { secret = PROVIDER_SECRET, timestamp } = {}) {
      const body = JSON.stringify(payment);
      const headers = signedWebhookHeaders(secret, body, timestamp);
      return answer(await fetch(`${service.url}/v1/payments/webhooks/provider`, { method: 'POST', headers, body }));
    },
    async issueInvoice() {
      const order = orderPlaced([
        { sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 },
        { sku: 'TEA', quantity: 1, unitPriceMinor: 250, taxRateBp: 700 },
      ]);
      const lines = [
        { lineNo: 1, sku: 'MUG', quantity: 3 },
        { lineNo: 2, sku: 'TEA', quantity: 1 },
      ];
      await harness.publish(order, shipmentDispatched(order.orderId, lines));
      const [invoice] = await eventually(
        async () => (await harness.call('GET', `/v1/invoices?orderId=${order.orderId}`)).body,
        (invoices) => invoices.length === 1,
      );
      return invoice;
    },
    async publishedFor(orderId, count) {
      const records = await kafka.readUntil(TOPICS.invoices.name, (all) => all.filter((record) => record.key === orderId).length >= count);
      return Promise.all(records.filter((record) => record.key === orderId).map((record) => kafka.codec.decode(record.value)));
    },
    close: () => service.app.close(),
  };
  return harness;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export function ofType<T extends EventType>(events: DomainEvent[], type: T): EventOfType<T>[] {
  return events.filter((event): event is EventOfType<T> => event.eventType === type);
}

type PlacedLine = Omit<OrderPlacedLine, 'lineNo'>;

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', line2: null, city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

export function orderPlaced(lines: PlacedLine[], orderId: string = randomUUID(), currency = 'EUR', customerId = 'CUST-1') {
  return createEvent(
    'OrderPlaced',
    {
      orderId,
      channel: 'web-shop',
      customerId,
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

import type { DomainEvent, EventOfType, EventType, OrderPlacedLine, ReturnReceivedLine, ShipmentDispatchedLine } from '@tradeflow/events';
import { createEvent, TOPICS } from '@tradeflow/events';
import { signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient, HttpAnswer } from '@tradeflow/testing';
import { eventually, publishedProduct, ServiceUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingSettings } from '../invoicing-settings';
import { invoicingService } from '../invoicing-service';

/** The payment provider's current webhook secret in every start. */
const PROVIDER_SECRET = 'payment-provider-secret-for-tests-0001';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
type Answer = HttpAnswer<any>;

/**
 * For the integration specs: the invoicing service in-process on a fresh database and topics of
 * its own, with the order and shipping services played by events published straight to Kafka.
 */
export class InvoicingUnderTest extends ServiceUnderTest<InvoicingSettings> {
  constructor() {
    super({ definition: invoicingService, settings: InvoicingSettings, env: { PAYMENT_PROVIDER_WEBHOOK_SECRET: PROVIDER_SECRET } });
  }

  /** Calls the API as a development client (finance unless named); `null` sends no credential. */
  call(method: string, path: string, body?: unknown, as: DevClient | null = 'finance'): Promise<Answer> {
    return this.request(method, path, { body, as: as ?? undefined, headers: { 'content-type': 'application/json' } });
  }

  /** Posts a payment to the provider webhook, signed with `secret` at `timestamp` (unix seconds, now by default). */
  providerWebhook(payment: unknown, { secret = PROVIDER_SECRET, timestamp }: { secret?: string; timestamp?: number } = {}): Promise<Answer> {
    const body = JSON.stringify(payment);
    return this.request('POST', '/v1/payments/webhooks/provider', { headers: signedWebhookHeaders(secret, body, timestamp), rawBody: body });
  }

  /** Places and dispatches an order of 3 × 1299 at 19% and 1 × 250 at 7%, and waits for its invoice of 4905. */
  async issueInvoice(): Promise<{ id: string; orderId: string; number: string; totalMinor: number }> {
    const order = orderPlaced([
      { sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 },
      { sku: 'TEA', quantity: 1, unitPriceMinor: 250, taxRateBp: 700 },
    ]);
    const lines = [
      { lineNo: 1, sku: 'MUG', quantity: 3 },
      { lineNo: 2, sku: 'TEA', quantity: 1 },
    ];
    await this.publish(order, shipmentDispatched(order.orderId, lines));
    const [invoice] = await eventually(
      async () => (await this.call('GET', `/v1/invoices?orderId=${order.orderId}`)).body,
      (invoices) => invoices.length === 1,
    );
    return invoice;
  }

  /** Waits until `count` events about the order are on the invoices topic, and returns them decoded. */
  publishedFor(orderId: string, count: number): Promise<DomainEvent[]> {
    return this.published(TOPICS.invoices.name, orderId, (types) => types.length >= count);
  }
}

export function ofType<T extends EventType>(events: DomainEvent[], type: T): EventOfType<T>[] {
  return events.filter((event): event is EventOfType<T> => event.eventType === type);
}

type PlacedLine = Omit<OrderPlacedLine, 'lineNo'>;

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', line2: null, city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

export function orderPlaced(lines: PlacedLine[], orderId: string = randomUUID(), currency = 'EUR', customerId = 'CUST-1', channel = 'web-shop') {
  return createEvent(
    'OrderPlaced',
    {
      orderId,
      channel,
      channelOrderNumber: null,
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

/** A CRM customer as crm-sync announces it; only the payment terms and `updatedAt` matter to invoicing. */
export function customerUpserted(customerId: string, paymentTermsDays: number, updatedAt: number = Date.now()) {
  return createEvent(
    'CustomerUpserted',
    { customerId, name: `Customer ${customerId}`, email: null, taxId: null, status: 'ACTIVE', creditLimitMinor: null, currency: 'EUR', paymentTermsDays, updatedAt },
    { producer: 'crm-sync', aggregateId: customerId, aggregateVersion: 1, correlationId: `customer-${customerId}` },
  );
}

export function customerMerged(customerId: string, mergedCustomerId: string) {
  return createEvent(
    'CustomerMerged',
    { customerId, mergedCustomerId },
    { producer: 'crm-sync', aggregateId: customerId, aggregateVersion: 2, correlationId: `merge-${mergedCustomerId}` },
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

const productRecord = (sku: string, version: number, taxClass: string) => publishedProduct(sku, { version, taxClass });
const fromProductMaster = (sku: string, version: number) => ({ producer: 'inventory' as const, aggregateId: sku, aggregateVersion: version, correlationId: sku });

export function productUpserted(sku: string, version: number, taxClass: string) {
  return createEvent('ProductUpserted', productRecord(sku, version, taxClass), fromProductMaster(sku, version));
}

export function productDiscontinued(sku: string, version: number, taxClass: string) {
  return createEvent(
    'ProductDiscontinued',
    { ...productRecord(sku, version, taxClass), status: 'DISCONTINUED', reason: 'end of line' },
    fromProductMaster(sku, version),
  );
}

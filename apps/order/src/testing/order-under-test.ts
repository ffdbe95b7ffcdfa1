import type { DomainEvent, EventPayload, EventType } from '@tradeflow/events';
import { createEvent, producerOf } from '@tradeflow/events';
import type { DevClient } from '@tradeflow/testing';
import { eventually, publishedProduct, ServiceUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { OrderSettings } from '../order-settings';
import { orderService } from '../order-service';

/** Integration tests only: the order service in-process with its own database, topics and consumer group. */
export const SHOP_KEY = 'tf_int_0123456789abcdef';
/** A back-office key that may approve held orders. */
export const DESK_KEY = 'tf_int_desk_0123456789abcdef';
/** Another sales channel, to show that channels never see each other's orders. */
export const MARKET_KEY = 'tf_int_market_0123456789abcdef';

const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

export interface Answer {
  status: number;
  // Tests read the answers field by field; typing each shape here would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface PlacedLine {
  sku: string;
  quantity: number;
  unitPriceMinor?: number;
  taxRateBp?: number;
}

export class OrderUnderTest extends ServiceUnderTest<OrderSettings> {
  /** Skus this test's products() announced: place() puts the others in the catalogue first. */
  private readonly announcedSkus = new Set<string>();

  constructor() {
    super({
      definition: orderService,
      settings: OrderSettings,
      env: {
        ORDER_BOOTSTRAP_API_KEY: [
          `int-shop:${SHOP_KEY}:orders:write,orders:read`,
          `int-desk:${DESK_KEY}:orders:approve,orders:read`,
          `int-market:${MARKET_KEY}:orders:write,orders:read`,
        ].join(';'),
      },
    });
  }

  /** What the order service knows of a customer (GET /v1/customer-accounts/{id}), as credit control reads it. */
  account(customerId: string): Promise<Answer> {
    return this.call('GET', `/v1/customer-accounts/${customerId}`, undefined, { root: true, as: 'credit' });
  }

  /**
   * `path` is below /v1/orders unless `root`. The caller is the shop's key unless `as` names a
   * development client (a bearer token), `key` another key, or `key: null` no credential at all.
   */
  async call(
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string | null; as?: DevClient; idempotencyKey?: string; root?: boolean } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': options.idempotencyKey ?? randomUUID() };
    const key = options.key === undefined && !options.as ? SHOP_KEY : options.key;
    if (key) headers['x-api-key'] = key;
    return this.request(method, `${options.root ? '' : '/v1/orders'}${path}`, { body, as: options.as, headers });
  }

  /**
   * Places an order (201 expected) and answers its view. Lines default to 500 net at 19%: 595 a
   * piece. Skus not announced yet become ACTIVE products first, since only those may be ordered.
   */
  async place(customerId: string, lines: PlacedLine[], currency = 'EUR', key = SHOP_KEY): Promise<Answer['body']> {
    const unknown = [...new Set(lines.map((line) => line.sku))].filter((sku) => !this.announcedSkus.has(sku));
    if (unknown.length > 0) await this.products(unknown);
    const placed = await this.call(
      'POST',
      '',
      { customerId, currency, shippingAddress: ADDRESS, lines: lines.map((line) => ({ unitPriceMinor: 500, taxRateBp: 1900, ...line })) },
      { key },
    );
    if (placed.status !== 201) throw new Error(`placing failed: ${placed.status} ${JSON.stringify(placed.body)}`);
    return placed.body;
  }

  async get(orderId: string): Promise<Answer['body']> {
    return (await this.call('GET', `/${orderId}`)).body;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  waitFor(orderId: string, accept: (view: any) => boolean): Promise<Answer['body']> {
    return eventually(() => this.get(orderId), accept);
  }

  /** Publishes what another service would, keyed by the aggregate its producer keys it by. */
  report<T extends EventType>(type: T, payload: EventPayload<T>, key: string): Promise<void> {
    const producer = producerOf(type);
    const event = createEvent(type, payload, { producer, aggregateId: key, aggregateVersion: 1, correlationId: key });
    return this.kafka.publish([event], () => key);
  }

  /** A CRM customer as crm-sync announces it: ACTIVE, no credit limit, unless `record` says otherwise. */
  upsertCustomer(customerId: string, record: Partial<EventPayload<'CustomerUpserted'>> = {}): Promise<void> {
    return this.report(
      'CustomerUpserted',
      {
        customerId,
        name: `Customer ${customerId}`,
        email: null,
        taxId: null,
        status: 'ACTIVE',
        creditLimitMinor: null,
        currency: 'EUR',
        paymentTermsDays: 30,
        updatedAt: Date.now(),
        ...record,
      },
      customerId,
    );
  }

  /**
   * Products as inventory announces them: ACTIVE at version 1 unless `record` says otherwise; a
   * DISCONTINUED or BLOCKED one goes out as ProductDiscontinued, as inventory sends it. Waits until
   * GET /v1/products/{sku} shows each at that version and status.
   */
  async products(skus: string[], record: Partial<EventPayload<'ProductDiscontinued'>> = {}): Promise<void> {
    const { reason = 'withdrawn in a test', ...fields } = record;
    for (const sku of skus) {
      const product = publishedProduct(sku, fields);
      if (product.status === 'ACTIVE') await this.report('ProductUpserted', product, sku);
      else await this.report('ProductDiscontinued', { ...product, reason }, sku);
      this.announcedSkus.add(sku);
    }
    const { version = 1, status = 'ACTIVE' } = fields;
    for (const sku of skus) {
      await eventually(
        () => this.call('GET', `/v1/products/${sku}`, undefined, { root: true, as: 'ops' }),
        (answer) => answer.status === 200 && answer.body.version === version && answer.body.status === status,
      );
    }
  }

  /**
   * Waits until every customer event published so far is applied: the customers topic has one
   * partition, so a fresh customer's arrival approving its held order comes after all of them.
   */
  async customersApplied(): Promise<void> {
    const marker = `MARK-${randomUUID().slice(0, 8)}`;
    const { id } = await this.place(marker, [{ sku: 'MARK', quantity: 1 }]);
    await this.upsertCustomer(marker);
    await this.waitFor(id, (view) => view.status === 'APPROVED');
  }

  /** The order's own events on its topic, once `done` accepts their types. */
  async publishedFor(orderId: string, done: (types: string[]) => boolean): Promise<(DomainEvent & Record<string, unknown>)[]> {
    return (await this.published('tradeflow.orders.v1', orderId, done)) as (DomainEvent & Record<string, unknown>)[];
  }
}

import type { DomainEvent, EventOfType, EventPayload, EventType, ServiceName } from '@tradeflow/events';
import { createEvent, producerOf } from '@tradeflow/events';
import type { RunningService } from '@tradeflow/service';
import { startService } from '@tradeflow/service';
import { loadConfig } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { createDatabase, devAuthorization, eventually, requiredEnv, serviceUnderTestEnv, TestKafka, uniqueTopicPrefix } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InventorySettings } from '../inventory-settings';
import { inventoryService } from '../inventory-service';

export interface WarehouseStock {
  warehouse: string;
  onHand: number;
  reserved: number;
  available: number;
  reorderPoint: number;
}

export interface Stock {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  warehouses: WarehouseStock[];
}

export interface Reservations {
  orderId: string;
  status: string;
  lines: {
    lineNo: number;
    sku: string;
    backordered: number;
    warehouses: { warehouse: string; reserved: number; held: number; issued: number; released: number; returned: number }[];
  }[];
}

/** Builds an event of another service, keyed and versioned by its order. */
export function foreignEvent<T extends EventType>(type: T, payload: EventPayload<T> & { orderId: string }, version = 1): EventOfType<T> {
  const producer: ServiceName = producerOf(type);
  return createEvent(type, payload, { producer, aggregateId: payload.orderId, aggregateVersion: version, correlationId: payload.orderId });
}

/**
 * The inventory service in-process against the shared Kafka, registry and Postgres, with its own
 * database, topic prefix and consumer group (suites of several runs share one broker).
 */
export class InventoryFixture {
  readonly kafka: TestKafka;

  private constructor(
    readonly service: RunningService,
    readonly prefix: string,
    readonly consumerGroup: string,
  ) {
    this.kafka = new TestKafka(prefix);
  }

  static async start(): Promise<InventoryFixture> {
    const prefix = uniqueTopicPrefix();
    const consumerGroup = `inventory-${randomUUID().slice(0, 8)}`;
    const settings = loadConfig(InventorySettings, {
      ...serviceUnderTestEnv(),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      KAFKA_CONSUMER_GROUP: consumerGroup,
      DATABASE_URL_INVENTORY: await createDatabase(requiredEnv('DATABASE_ADMIN_URL'), `inv_${randomUUID().slice(0, 8)}`),
      LOG_LEVEL: 'error',
    });
    return new InventoryFixture(await startService(inventoryService, settings), prefix, consumerGroup);
  }

  get url(): string {
    return this.service.url;
  }

  close(): Promise<void> {
    return this.service.app.close();
  }

  /** A request to the service's API as development client `client` (a bearer token of its roles). */
  async call(path: string, client: DevClient, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    const body = init.body === undefined ? {} : { body: JSON.stringify(init.body) };
    return fetch(`${this.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(await devAuthorization(client)) },
      ...body,
    });
  }

  async receive(warehouse: string, lines: { sku: string; quantity: number; reorderPoint?: number }[]): Promise<Response> {
    const response = await this.call('/v1/stock/receipts', 'warehouse', {
      method: 'POST',
      body: { receiptId: `R-${randomUUID()}`, warehouse, lines },
    });
    if (response.status !== 201) throw new Error(`receipt refused: ${response.status} ${await response.text()}`);
    return response;
  }

  async stock(sku: string): Promise<Stock> {
    return (await this.call(`/v1/stock/${sku}`, 'warehouse')).json() as Promise<Stock>;
  }

  async reservations(orderId: string): Promise<Reservations | undefined> {
    const response = await this.call(`/v1/reservations?orderId=${orderId}`, 'warehouse');
    return response.status === 404 ? undefined : (response.json() as Promise<Reservations>);
  }

  /** Publishes events as their producers would: keyed by order. */
  publish(...events: DomainEvent[]): Promise<void> {
    return this.kafka.publish(events, (event) => event.aggregateId);
  }

  /**
   * Waits until everything published so far on the topic of `type` was applied: a marker approval
   * (or dispatch) behind it on the same single partition must have been applied first.
   */
  async settle(type: 'OrderApproved' | 'ShipmentDispatched'): Promise<void> {
    const orderId = randomUUID();
    const marker =
      type === 'OrderApproved'
        ? foreignEvent('OrderApproved', {
            orderId,
            customerId: 'C-MARK',
            allowPartialShipment: true,
            lines: [{ lineNo: 1, sku: 'MARKER', quantity: 1 }],
          })
        : foreignEvent('ShipmentDispatched', {
            orderId,
            shipmentId: randomUUID(),
            warehouse: 'NOWHERE',
            trackingNumber: 'T-MARK',
            lines: [{ lineNo: 1, sku: 'MARKER', quantity: 1 }],
          });
    await this.publish(marker);
    await eventually(() => this.reservations(orderId), (view) => view !== undefined);
  }

  /** Events the service wrote to its outbox in reaction to `eventId` (committed with their effects). */
  async caused(eventId: string): Promise<DomainEvent[]> {
    const rows: { event: DomainEvent }[] = await this.service.app
      .get(DataSource)
      .query(`SELECT event FROM outbox WHERE event->>'causationId' = $1 ORDER BY id`, [eventId]);
    return rows.map((row) => row.event);
  }

  /**
   * Decoded events the service published on a catalogue topic with message key `key` (order id or
   * sku), read from the beginning until their event types satisfy `enough`.
   */
  async published(topic: string, key: string, enough: (types: string[]) => boolean): Promise<DomainEvent[]> {
    const records = await this.kafka.readUntil(topic, (all) =>
      enough(all.filter((record) => record.key === key).map((record) => record.headers['event-type']?.toString() ?? '')),
    );
    return Promise.all(records.filter((record) => record.key === key).map((record) => this.kafka.codec.decode(record.value)));
  }
}

import type { DomainEvent, EventOfType, EventPayload, EventType, ServiceName } from '@tradeflow/events';
import { createEvent, producerOf } from '@tradeflow/events';
import type { DevClient, HttpAnswer } from '@tradeflow/testing';
import { eventually, ServiceUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
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

/** The inventory service in-process: stock received, events of other services applied, its own read back. */
export class InventoryUnderTest extends ServiceUnderTest<InventorySettings> {
  constructor() {
    super({ definition: inventoryService, settings: InventorySettings });
  }

  /** A request to the service's API as development client `client` (a bearer token of its roles). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
  call(path: string, client: DevClient, init: { method?: string; body?: unknown } = {}): Promise<HttpAnswer<any>> {
    return this.request(init.method ?? 'GET', path, { body: init.body, as: client });
  }

  /** Puts products in the product master as the ERP would (version 1 unless given), so stock of them can be received. */
  async addProducts(skus: string[], fields: { version?: number; excludedWarehouses?: string[] } = {}): Promise<void> {
    const products = skus.map((sku) => ({ sku, version: 1, name: `Product ${sku}`, unitOfMeasure: 'C62', taxClass: 'STANDARD', ...fields }));
    const response = await this.call('/v1/products', 'erp', { method: 'PUT', body: { products } });
    if (response.status !== 200 || response.body.rejected.length > 0 || response.body.stale.length > 0) {
      throw new Error(`products refused: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  async receive(warehouse: string, lines: { sku: string; quantity: number; reorderPoint?: number }[]): Promise<void> {
    const response = await this.call('/v1/stock/receipts', 'warehouse', {
      method: 'POST',
      body: { receiptId: `R-${randomUUID()}`, warehouse, lines },
    });
    if (response.status !== 201) throw new Error(`receipt refused: ${response.status} ${JSON.stringify(response.body)}`);
  }

  async stock(sku: string): Promise<Stock> {
    return (await this.call(`/v1/stock/${sku}`, 'warehouse')).body;
  }

  async reservations(orderId: string): Promise<Reservations | undefined> {
    const response = await this.call(`/v1/reservations?orderId=${orderId}`, 'warehouse');
    return response.status === 404 ? undefined : response.body;
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
    const rows = await this.query<{ event: DomainEvent }>(`SELECT event FROM outbox WHERE event->>'causationId' = $1 ORDER BY id`, [eventId]);
    return rows.map((row) => row.event);
  }
}

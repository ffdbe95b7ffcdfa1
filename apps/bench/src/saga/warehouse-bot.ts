import type { Kafka } from 'kafkajs';
import { EventTap } from './event-tap';
import type { RequestCounter } from './request-counter';

/**
 * The warehouse: dispatches every shipment as soon as its label is made (ShipmentLabelled), by
 * the shipping API, without waiting for one dispatch before taking the next.
 */
export class WarehouseBot {
  dispatched = 0;
  /** ShipmentLabelled records seen again for a shipment already dispatched (redeliveries). */
  repeatedLabels = 0;
  readonly errors: string[] = [];
  private readonly seen = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly tap: EventTap<'ShipmentLabelled'>;

  constructor(
    kafka: Kafka,
    registryUrl: string,
    prefix: string,
    shippingUrl: string,
    private readonly requests: RequestCounter,
  ) {
    this.tap = new EventTap(kafka, registryUrl, prefix, 'ShipmentLabelled', ({ shipmentId }) => {
      if (this.seen.has(shipmentId)) {
        this.repeatedLabels++;
        return;
      }
      this.seen.add(shipmentId);
      const dispatch = this.dispatch(`${shippingUrl}/v1/shipments/${shipmentId}/dispatch`);
      this.inFlight.add(dispatch);
      void dispatch.finally(() => this.inFlight.delete(dispatch));
    });
  }

  start(): Promise<void> {
    return this.tap.start();
  }

  async stop(): Promise<void> {
    await this.tap.stop();
    await Promise.all(this.inFlight);
  }

  private async dispatch(url: string): Promise<void> {
    try {
      const response = await this.requests.fetchAs('warehouse', url, { method: 'POST' });
      if (response.ok) this.dispatched++;
      else this.errors.push(`dispatch refused: ${response.status} ${(await response.text()).slice(0, 200)}`);
    } catch (error) {
      this.errors.push(`dispatch failed: ${(error as Error).message}`);
    }
  }
}

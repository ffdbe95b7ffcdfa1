import type { Address } from '@tradeflow/events';
import type { ShipmentLine } from '../shipments/shipment-planning';

/** What a carrier needs to make a label. */
export interface LabelRequest {
  shipmentId: string;
  orderId: string;
  warehouse: string;
  lines: ShipmentLine[];
  shippingAddress: Address | null;
}

export interface Label {
  carrier: string;
  labelNumber: string;
  trackingNumber: string;
}

/**
 * The carrier adapter. A real carrier (an HTTP API) implements this; throwing means the label was
 * not made, and the message becomes the shipment's lastLabelError.
 */
export interface Carrier {
  createLabel(shipment: LabelRequest): Promise<Label>;
}

/** Injection token for the Carrier in use. */
export const CARRIER = Symbol('CARRIER');

export class CarrierRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarrierRefusedError';
  }
}

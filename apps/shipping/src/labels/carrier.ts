import type { Address } from '@tradeflow/events';
import type { ShipmentLine } from '../shipments/shipment-planning';
import type { Parcel } from './parcel';

/** What a carrier needs to make a label. */
export interface LabelRequest {
  shipmentId: string;
  orderId: string;
  warehouse: string;
  lines: ShipmentLine[];
  shippingAddress: Address | null;
  /** Weight and box of the parcel (parcelOf); a null figure is one shipping does not know, and is sent as null. */
  parcel: Parcel;
}

export interface Label {
  carrier: string;
  labelNumber: string;
  trackingNumber: string;
  /** The parcel as the carrier labelled it; the shipment shows it. */
  parcel: Parcel;
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

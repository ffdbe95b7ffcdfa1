import { randomBytes } from 'node:crypto';
import type { Carrier, Label, LabelRequest } from './carrier';
import { CarrierRefusedError } from './carrier';

/**
 * The built-in carrier for local runs and tests: labels are made up on the spot, and a configured
 * share of requests (LOCAL_CARRIER_FAILURE_RATE) is refused, to rehearse label failures. It labels
 * the parcel as asked, an unknown weight or box included, and says so in its answer.
 */
export class LocalCarrier implements Carrier {
  constructor(
    private readonly failureRate: number,
    private readonly random: () => number = Math.random,
  ) {}

  async createLabel(shipment: LabelRequest): Promise<Label> {
    if (this.random() < this.failureRate) {
      throw new CarrierRefusedError(`local carrier refused the label (LOCAL_CARRIER_FAILURE_RATE=${this.failureRate})`);
    }
    const trackingNumber = `LC${randomBytes(8).toString('hex').toUpperCase()}`;
    return {
      carrier: 'local',
      labelNumber: `LBL-${shipment.shipmentId.slice(0, 8).toUpperCase()}-${trackingNumber.slice(-6)}`,
      trackingNumber,
      parcel: shipment.parcel,
    };
  }
}

import type { CarrierExceptionStatus, ShipmentStatus } from './shipment-status';
import { isCarrierException } from './shipment-status';

export const CARRIER_EVENT_STATUSES = ['IN_TRANSIT', 'DELIVERED', 'FAILED_ATTEMPT', 'RETURNED_TO_SENDER', 'LOST', 'DAMAGED'] as const;

export type CarrierEventStatus = (typeof CARRIER_EVENT_STATUSES)[number];

/** What a carrier event does to a shipment. */
export type CarrierTransition =
  /** Nothing changes: IN_TRANSIT, or the status the shipment already has (the carrier reporting again). */
  | { kind: 'UNCHANGED' }
  | { kind: 'DELIVER' }
  /** The shipment stays DISPATCHED and counts the attempt: the carrier tries again. */
  | { kind: 'COUNT_ATTEMPT' }
  | { kind: 'EXCEPTION'; status: CarrierExceptionStatus }
  | { kind: 'REFUSE'; reason: string };

/**
 * Which carrier status may follow which shipment status. Only a dispatched shipment can be
 * delivered, attempted or go wrong. A lost parcel may still turn up, so LOST gives way to DELIVERED,
 * RETURNED_TO_SENDER or DAMAGED; a damaged one may still come back (RETURNED_TO_SENDER). DELIVERED
 * and RETURNED_TO_SENDER are final: the goods are with the customer or back with us.
 */
export function carrierTransition(shipment: ShipmentStatus, reported: CarrierEventStatus): CarrierTransition {
  if (reported === 'IN_TRANSIT' || reported === shipment) return { kind: 'UNCHANGED' };
  if (shipment === 'DISPATCHED') {
    if (reported === 'DELIVERED') return { kind: 'DELIVER' };
    if (reported === 'FAILED_ATTEMPT') return { kind: 'COUNT_ATTEMPT' };
    return { kind: 'EXCEPTION', status: reported };
  }
  if (shipment === 'LOST' && reported !== 'FAILED_ATTEMPT') {
    return reported === 'DELIVERED' ? { kind: 'DELIVER' } : { kind: 'EXCEPTION', status: reported };
  }
  if (shipment === 'DAMAGED' && reported === 'RETURNED_TO_SENDER') return { kind: 'EXCEPTION', status: reported };
  const what = reported === 'DELIVERED' ? 'delivered' : `reported ${reported}`;
  if (shipment === 'DELIVERED' || isCarrierException(shipment)) return { kind: 'REFUSE', reason: `is already ${shipment}: it cannot be ${what}` };
  return { kind: 'REFUSE', reason: `is ${shipment}, not dispatched: it cannot be ${what}` };
}

export const SHIPMENT_STATUSES = [
  'LABEL_PENDING',
  'LABELLED',
  'LABEL_FAILED',
  'DISPATCHED',
  'DELIVERED',
  'RETURNED_TO_SENDER',
  'LOST',
  'DAMAGED',
  'CANCELLED',
] as const;

export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** What the carrier reported instead of a delivery, after which the shipment waits for an operator's decision. */
export const CARRIER_EXCEPTION_STATUSES = ['RETURNED_TO_SENDER', 'LOST', 'DAMAGED'] as const;

export type CarrierExceptionStatus = (typeof CARRIER_EXCEPTION_STATUSES)[number];

export function isCarrierException(status: ShipmentStatus): status is CarrierExceptionStatus {
  return (CARRIER_EXCEPTION_STATUSES as readonly string[]).includes(status);
}

/** Still in the warehouse: may be cancelled or re-planned. */
export function isUndispatched(status: ShipmentStatus): boolean {
  return status === 'LABEL_PENDING' || status === 'LABELLED' || status === 'LABEL_FAILED';
}

/** Left the warehouse: its quantities are shipped for good, whatever the carrier made of it since. */
export function isDispatched(status: ShipmentStatus): boolean {
  return status === 'DISPATCHED' || status === 'DELIVERED' || isCarrierException(status);
}

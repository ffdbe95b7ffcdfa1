export const SHIPMENT_STATUSES = ['LABEL_PENDING', 'LABELLED', 'LABEL_FAILED', 'DISPATCHED', 'DELIVERED', 'CANCELLED'] as const;

export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Still in the warehouse: may be cancelled or re-planned. */
export function isUndispatched(status: ShipmentStatus): boolean {
  return status === 'LABEL_PENDING' || status === 'LABELLED' || status === 'LABEL_FAILED';
}

/** Left the warehouse: its quantities are shipped for good. */
export function isDispatched(status: ShipmentStatus): boolean {
  return status === 'DISPATCHED' || status === 'DELIVERED';
}

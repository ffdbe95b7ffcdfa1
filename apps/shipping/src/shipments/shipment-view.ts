import type { ShipmentView } from './dto/shipment-view.dto';
import type { Shipment } from './shipment.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toShipmentView(shipment: Shipment): ShipmentView {
  return {
    id: shipment.id,
    orderId: shipment.orderId,
    warehouse: shipment.warehouse,
    status: shipment.status,
    lines: shipment.lines.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity })),
    carrier: shipment.carrier,
    labelNumber: shipment.labelNumber,
    trackingNumber: shipment.trackingNumber,
    parcel: shipment.parcel,
    labelAttempts: shipment.labelAttempts,
    lastLabelError: shipment.lastLabelError,
    nextLabelAttemptAt: shipment.status === 'LABEL_PENDING' ? iso(shipment.nextLabelAttemptAt) : null,
    deliveryAttempts: shipment.deliveryAttempts,
    lastAttemptAt: iso(shipment.lastAttemptAt),
    lastAttemptDetail: shipment.lastAttemptDetail,
    exceptionAt: iso(shipment.exceptionAt),
    exceptionDetail: shipment.exceptionDetail,
    cancelReason: shipment.cancelReason,
    createdAt: shipment.createdAt.toISOString(),
    updatedAt: shipment.updatedAt.toISOString(),
    labelledAt: iso(shipment.labelledAt),
    dispatchedAt: iso(shipment.dispatchedAt),
    deliveredAt: iso(shipment.deliveredAt),
    cancelledAt: iso(shipment.cancelledAt),
  };
}

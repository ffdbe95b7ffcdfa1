import type { Address } from '@tradeflow/events';
import type { DataSource } from 'typeorm';
import type { ShipmentLine } from '../shipments/shipment-planning';

/** A LABEL_PENDING shipment leased to one label worker, with what the carrier needs. */
export interface ClaimedShipment {
  id: string;
  order_id: string;
  warehouse: string;
  lines: ShipmentLine[];
  correlation_id: string;
  created_event_id: string;
  shipping_address: Address | null;
}

/**
 * Leases up to `batchSize` due LABEL_PENDING shipments to `token` (FOR UPDATE SKIP LOCKED, so
 * replicas never take the same one) by moving their next attempt `leaseMs` ahead.
 */
export async function claimDueShipments(dataSource: DataSource, token: string, leaseMs: number, batchSize: number): Promise<ClaimedShipment[]> {
  const [rows] = await dataSource.query(
    `WITH due AS (
       SELECT id FROM shipments
        WHERE status = 'LABEL_PENDING' AND next_label_attempt_at <= now()
        ORDER BY next_label_attempt_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED)
     UPDATE shipments s
        SET label_claim = $1, next_label_attempt_at = now() + $2 * interval '1 millisecond'
       FROM due, shipping_orders o
      WHERE s.id = due.id AND o.order_id = s.order_id
     RETURNING s.id, s.order_id, s.warehouse, s.lines, s.correlation_id, s.created_event_id, o.shipping_address`,
    [token, leaseMs, batchSize],
  );
  return rows;
}

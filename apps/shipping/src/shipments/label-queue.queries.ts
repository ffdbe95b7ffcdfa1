import type { EntityManager } from 'typeorm';

/** Channel the label worker LISTENs on; Postgres delivers the NOTIFY only when the transaction commits. */
export const LABEL_QUEUE_CHANNEL = 'tradeflow_shipping_labels';

/** Wakes the label workers of every replica once the caller's transaction commits a LABEL_PENDING shipment. */
export async function notifyLabelQueue(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify($1, '')`, [LABEL_QUEUE_CHANNEL]);
}

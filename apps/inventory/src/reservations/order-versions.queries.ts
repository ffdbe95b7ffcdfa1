import type { EntityManager } from 'typeorm';

/** The next aggregateVersion of an order's reservation events (locks the order's row until commit). */
export async function nextOrderVersion(manager: EntityManager, orderId: string): Promise<number> {
  const [rows] = await manager.query(`UPDATE order_reservations SET version = version + 1 WHERE order_id = $1 RETURNING version`, [
    orderId,
  ]);
  if (rows.length === 0) throw new Error(`order ${orderId} has no reservation record`);
  return rows[0].version;
}

import type { UnitOfWork } from '@tradeflow/messaging';
import { excludedWarehouses } from '../products/products.queries';
import type { WarehouseLevel } from './availability-rules';
import { availabilityOf, publishesFigure } from './availability-rules';
import { Availability } from './availability.entity';

/**
 * Recomputes the available-to-sell figure of `skus` from their stock as this transaction sees it and
 * publishes AvailabilityChanged for each whose figure moved (docs/design.md#availability). A sku with
 * neither stock nor a published figure has nothing to tell yet.
 *
 * The figure sums every warehouse of a sku, while a unit of work locks only the stock rows it changes:
 * the sku's advisory lock makes transactions that change one sku in different warehouses compute one
 * after the other, the later one reading the earlier one's committed stock. Taken after the stock
 * rows and in hash order, so no two transactions wait for each other's locks.
 */
export async function refreshAvailability(unit: UnitOfWork, skus: readonly string[]): Promise<void> {
  const { manager } = unit;
  const wanted = [...new Set(skus)];
  if (wanted.length === 0) return;
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(hash))
       FROM (SELECT DISTINCT hashtextextended('availability:' || sku, 0) AS hash FROM unnest($1::text[]) AS sku ORDER BY hash) AS sorted`,
    [wanted],
  );
  const levels: (WarehouseLevel & { sku: string })[] = await manager.query(
    `SELECT sku, warehouse, on_hand AS "onHand", reserved FROM stock_levels WHERE sku = ANY($1)`,
    [wanted],
  );
  const safetyStocks = new Map(
    ((await manager.query(`SELECT sku, units FROM safety_stocks WHERE sku = ANY($1)`, [wanted])) as { sku: string; units: number }[]).map((row) => [row.sku, row.units]),
  );
  const published = new Map((await manager.createQueryBuilder(Availability, 'figure').where('figure.sku = ANY(:wanted)', { wanted }).getMany()).map((row) => [row.sku, row]));
  const exclusions = await excludedWarehouses(manager, wanted);
  const levelsOf = new Map<string, WarehouseLevel[]>();
  for (const level of levels) levelsOf.set(level.sku, [...(levelsOf.get(level.sku) ?? []), level]);
  const changedAt = new Date();
  for (const sku of wanted.sort()) {
    const stock = levelsOf.get(sku) ?? [];
    const previous = published.get(sku);
    if (stock.length === 0 && !previous) continue;
    const safetyStock = safetyStocks.get(sku) ?? 0;
    const figure = availabilityOf(stock, exclusions.get(sku) ?? new Set(), safetyStock);
    if (!publishesFigure(previous, figure)) continue;
    const [{ sequence }]: { sequence: string }[] = await manager.query(`SELECT nextval('availability_sequence') AS sequence`);
    const row = { sku, ...figure, sequence: Number(sequence), revision: (previous?.revision ?? 0) + 1, changedAt };
    await manager.upsert(Availability, row, ['sku']);
    unit.publish(
      'AvailabilityChanged',
      { sku, ...figure, sequence: row.sequence, changedAt: changedAt.getTime() },
      { id: sku, version: row.revision },
    );
  }
}

import type { EntityManager } from 'typeorm';
import { Product } from './product.entity';
import type { ProductRecord } from './product-rules';

/**
 * Locks the skus of a load for the rest of the transaction, then reads what is stored of them: a
 * concurrent load of the same skus waits, so each decides against the other's outcome (a sku not yet
 * stored has no row to lock, hence advisory locks). One statement for the locks, taken in hash order
 * so two loads cannot deadlock, and one for the read, whatever the number of skus.
 */
export async function lockProducts(manager: EntityManager, skus: readonly string[]): Promise<Map<string, Product>> {
  if (skus.length === 0) return new Map();
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(hash))
       FROM (SELECT DISTINCT hashtextextended('product:' || sku, 0) AS hash FROM unnest($1::text[]) AS sku ORDER BY hash) AS sorted`,
    [skus],
  );
  const stored = await manager.createQueryBuilder(Product, 'product').where('product.sku = ANY(:skus)', { skus }).getMany();
  return new Map(stored.map((product) => [product.sku, product]));
}

/** Stores records (one per sku) in one statement, whatever their number. */
export async function upsertProducts(manager: EntityManager, rows: readonly (ProductRecord & { revision: number })[], updatedAt: Date): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO products (sku, version, name, description, status, unit_of_measure, weight_grams, length_mm, width_mm, height_mm,
                           tax_class, gtins, excluded_warehouses, reason, revision, updated_at)
     SELECT sku, version, name, description, status, "unitOfMeasure", "weightGrams", "lengthMm", "widthMm", "heightMm",
            "taxClass", gtins, "excludedWarehouses", reason, revision, $2
       FROM jsonb_to_recordset($1::jsonb) AS row (sku text, version bigint, name text, description text, status text, "unitOfMeasure" text,
            "weightGrams" int, "lengthMm" int, "widthMm" int, "heightMm" int, "taxClass" text, gtins text[], "excludedWarehouses" text[],
            reason text, revision int)
     ON CONFLICT (sku) DO UPDATE SET
       version = EXCLUDED.version, name = EXCLUDED.name, description = EXCLUDED.description, status = EXCLUDED.status,
       unit_of_measure = EXCLUDED.unit_of_measure, weight_grams = EXCLUDED.weight_grams, length_mm = EXCLUDED.length_mm,
       width_mm = EXCLUDED.width_mm, height_mm = EXCLUDED.height_mm, tax_class = EXCLUDED.tax_class, gtins = EXCLUDED.gtins,
       excluded_warehouses = EXCLUDED.excluded_warehouses, reason = EXCLUDED.reason, revision = EXCLUDED.revision,
       updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows), updatedAt],
  );
}

/** The skus of `skus` that are not in the product master. */
export async function unknownSkus(manager: EntityManager, skus: readonly string[]): Promise<Set<string>> {
  if (skus.length === 0) return new Set();
  const rows: { sku: string }[] = await manager.query(
    `SELECT wanted.sku FROM unnest($1::text[]) AS wanted (sku) WHERE NOT EXISTS (SELECT 1 FROM products WHERE products.sku = wanted.sku)`,
    [skus],
  );
  return new Set(rows.map((row) => row.sku));
}

/** For each sku whose product excludes warehouses: the warehouses its stock is never reserved from. */
export async function excludedWarehouses(manager: EntityManager, skus: readonly string[]): Promise<Map<string, ReadonlySet<string>>> {
  if (skus.length === 0) return new Map();
  const rows: { sku: string; excluded_warehouses: string[] }[] = await manager.query(
    `SELECT sku, excluded_warehouses FROM products WHERE sku = ANY($1) AND cardinality(excluded_warehouses) > 0`,
    [[...new Set(skus)]],
  );
  return new Map(rows.map((row) => [row.sku, new Set(row.excluded_warehouses)]));
}

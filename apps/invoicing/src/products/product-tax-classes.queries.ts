import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Product } from './product.entity';

/**
 * The document lines with the tax class their product has now, as issued: a later change of the
 * product does not change an issued document. null: invoicing has not heard of the product yet.
 * The tax rate stays the order line's (docs/design.md#invoicing-and-payments).
 */
export async function withTaxClasses<Line extends { sku: string }>(
  manager: EntityManager,
  lines: readonly Line[],
): Promise<(Line & { taxClass: string | null })[]> {
  const products = await manager.findBy(Product, { sku: In([...new Set(lines.map((line) => line.sku))]) });
  const taxClasses = new Map(products.map((product) => [product.sku, product.taxClass]));
  return lines.map((line) => ({ ...line, taxClass: taxClasses.get(line.sku) ?? null }));
}

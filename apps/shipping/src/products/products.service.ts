import { Injectable } from '@nestjs/common';
import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { ProductMeasures } from '../labels/parcel';
import { Product } from './product.entity';

/** Keeps the weights and dimensions of the product master, which the label worker puts on the parcel. */
@Injectable()
export class ProductsService {
  /**
   * Both events carry the whole record, and a discontinued product still ships on the orders that
   * have it, so both are applied alike. Only a newer version overwrites: an older one is stale and
   * the same one a redelivery, and the version check in the statement itself keeps that true when
   * two replicas apply records of one sku at once.
   */
  async productChanged(event: ProductUpserted | ProductDiscontinued, unit: UnitOfWork): Promise<void> {
    const { sku, version, weightGrams, lengthMm, widthMm, heightMm } = event;
    await unit.manager.query(
      `INSERT INTO products (sku, version, weight_grams, length_mm, width_mm, height_mm)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sku) DO UPDATE
          SET version = EXCLUDED.version, weight_grams = EXCLUDED.weight_grams, length_mm = EXCLUDED.length_mm,
              width_mm = EXCLUDED.width_mm, height_mm = EXCLUDED.height_mm, updated_at = now()
        WHERE products.version < EXCLUDED.version`,
      [sku, version, weightGrams, lengthMm, widthMm, heightMm],
    );
  }

  /** The measures of those of `skus` shipping knows, by sku. */
  async measuresOf(manager: EntityManager, skus: readonly string[]): Promise<Map<string, ProductMeasures>> {
    const products = await manager.findBy(Product, { sku: In([...new Set(skus)]) });
    return new Map(products.map(({ sku, weightGrams, lengthMm, widthMm, heightMm }) => [sku, { weightGrams, lengthMm, widthMm, heightMm }]));
  }
}

import { Injectable } from '@nestjs/common';
import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { ProductStatus } from './orderable-lines';
import { PRODUCT_STATUSES } from './orderable-lines';

/**
 * Keeps the products from inventory's events. Both carry the whole record, so each replaces what
 * is stored unless its version is older (a replayed dead letter, a consumer reset to the start of
 * the compacted topic): the version, not the arrival, says which record is current.
 */
@Injectable()
export class ProductProjectionService {
  async apply(event: ProductUpserted | ProductDiscontinued, unit: UnitOfWork): Promise<void> {
    const status = event.status as ProductStatus;
    if (!PRODUCT_STATUSES.includes(status)) throw new Error(`${event.eventType} of ${event.sku}: status ${event.status} is none of ${PRODUCT_STATUSES.join(', ')}`);
    await unit.manager.query(
      `INSERT INTO products (sku, name, status, version, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
        WHERE products.version < EXCLUDED.version`,
      [event.sku, event.name, status, event.version, new Date(event.updatedAt)],
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { ProductDiscontinued, ProductUpserted } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';

/** Keeps the tax class of each product of the product master, which invoices and credit notes record on their lines. */
@Injectable()
export class ProductsService {
  /**
   * Both events carry the whole record, and a discontinued product is still invoiced for what
   * shipped, so both are applied alike. Only a newer version overwrites: an older one is stale and
   * the same one a redelivery, and the version check in the statement itself keeps that true when
   * two replicas apply records of one sku at once.
   */
  async productChanged(event: ProductUpserted | ProductDiscontinued, unit: UnitOfWork): Promise<void> {
    await unit.manager.query(
      `INSERT INTO products (sku, version, tax_class) VALUES ($1, $2, $3)
       ON CONFLICT (sku) DO UPDATE SET version = EXCLUDED.version, tax_class = EXCLUDED.tax_class, updated_at = now()
        WHERE products.version < EXCLUDED.version`,
      [event.sku, event.version, event.taxClass],
    );
  }
}

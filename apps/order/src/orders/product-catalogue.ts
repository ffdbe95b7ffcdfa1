import type { EntityManager } from 'typeorm';

/** An order line as the product check reads it. */
export interface SkuLine {
  lineNo: number;
  sku: string;
}

/**
 * The product master as placement and amendment call it. Its projection lives in products/; the
 * use cases inject this class, bound by the global ProductsModule, for the reason CreditControl
 * gives: a feature folder imports only itself and the kernel.
 */
export abstract class ProductCatalogue {
  /**
   * Refuses `lines` with an OrderRuleViolation (422) when any names a sku that is unknown,
   * DISCONTINUED or BLOCKED; the answer lists every such line.
   */
  abstract assertOrderable(manager: EntityManager, lines: readonly SkuLine[]): Promise<void>;
}

import type { EventPayload } from '@tradeflow/events';
import { eventually } from '../eventually';
import { devAuthorization } from '../oidc/dev-access-token';

/** A product as the ERP sends it to inventory's `PUT /v1/products` (the fields of ProductUpserted without updatedAt). */
export interface ProductRecord {
  sku: string;
  version: number;
  name: string;
  description?: string | null;
  status?: 'ACTIVE' | 'DISCONTINUED' | 'BLOCKED';
  unitOfMeasure: string;
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  taxClass: 'STANDARD' | 'REDUCED' | 'ZERO';
  gtins?: string[];
  excludedWarehouses?: string[];
  /** Why it left the assortment: required with DISCONTINUED or BLOCKED. */
  reason?: string;
}

export interface ProductServices {
  inventory: string;
  order: string;
}

export interface LoadProductsOptions {
  /** The development OpenID provider; by default OIDC_ISSUER_URL. */
  issuerUrl?: string;
  /** Records per PUT; the API takes at most 5,000. */
  chunkSize?: number;
  /** How long the order service may take to learn them all. */
  timeoutMs?: number;
}

/**
 * A product as inventory publishes it (ProductUpserted's payload): ACTIVE piece goods at version 1
 * with no measures, unless `fields` say otherwise; for tests that play inventory.
 */
export function publishedProduct(sku: string, fields: Partial<EventPayload<'ProductUpserted'>> = {}): EventPayload<'ProductUpserted'> {
  return {
    sku,
    version: 1,
    name: `Product ${sku}`,
    description: null,
    status: 'ACTIVE',
    unitOfMeasure: 'C62',
    weightGrams: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    taxClass: 'STANDARD',
    gtins: [],
    excludedWarehouses: [],
    updatedAt: Date.now(),
    ...fields,
  };
}

/** A piece good on sale, version 1, for tools and tests to whom the product's details do not matter. */
export function productOf(sku: string, fields: Partial<ProductRecord> = {}): ProductRecord {
  return { sku, version: 1, name: `Product ${sku}`, unitOfMeasure: 'C62', taxClass: 'STANDARD', ...fields };
}

/** Skus whose lookups run at once while waiting for the order service. */
const PARALLEL_LOOKUPS = 16;
const POLL_MS = 200;

/**
 * Puts `products` into inventory's product master as the ERP does (the development client `erp`,
 * role catalogue), in chunks, and resolves once the order service knows every one of them at
 * least at that version: from then on orders for them are accepted and stock for them received.
 * Unchanged and stale rows count as there (the master holds that version or a later one); a
 * rejected row throws, naming the row and why, since a tool that loads it means to use it.
 */
export async function loadProducts(products: readonly ProductRecord[], services: ProductServices, options: LoadProductsOptions = {}): Promise<void> {
  const { issuerUrl, chunkSize = 1000, timeoutMs = 120_000 } = options;
  for (let offset = 0; offset < products.length; offset += chunkSize) {
    const chunk = products.slice(offset, offset + chunkSize);
    const response = await fetch(`${services.inventory}/v1/products`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await devAuthorization('erp', issuerUrl)) },
      body: JSON.stringify({ products: chunk }),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`inventory refused the products: ${response.status} ${text}`);
    const { rejected } = JSON.parse(text) as { rejected: { row: number; sku: string | null; errors: { field: string; message: string }[] }[] };
    if (rejected.length > 0) {
      const rows = rejected.map((row) => `row ${offset + row.row} (${row.sku ?? 'no sku'}): ${row.errors.map((error) => `${error.field} ${error.message}`).join(', ')}`);
      throw new Error(`inventory rejected ${rejected.length} products: ${rows.join('; ')}`);
    }
  }
  const deadline = Date.now() + timeoutMs;
  const queue = [...products];
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_LOOKUPS, queue.length) }, async () => {
      for (let product = queue.shift(); product !== undefined; product = queue.shift()) await orderServiceKnows(product, services.order, deadline, issuerUrl);
    }),
  );
}

/** Until `deadline` (each sku is looked up at least once): the order service answers 404 for a sku it has not seen yet. */
async function orderServiceKnows(product: ProductRecord, orderUrl: string, deadline: number, issuerUrl?: string): Promise<void> {
  const lookup = async () => {
    const response = await fetch(`${orderUrl}/v1/products/${encodeURIComponent(product.sku)}`, { headers: await devAuthorization('auditor', issuerUrl) });
    const text = await response.text();
    return { status: response.status, version: response.status === 200 ? (JSON.parse(text) as { version: number }).version : undefined };
  };
  await eventually(lookup, (known) => (known.version ?? 0) >= product.version, { timeoutMs: Math.max(POLL_MS, deadline - Date.now()), intervalMs: POLL_MS }).catch(
    (error: Error) => {
      throw new Error(`the order service does not know ${product.sku} at version ${product.version}: ${error.message}`);
    },
  );
}

import { signedWebhookHeaders } from '@tradeflow/platform';
import { loadProducts, productOf } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { LoadProfile } from './load-profiles';
import type { RequestCounter } from './request-counter';
import { BENCH_CRM_SECRET } from './saga-stack';

/** Customer webhooks in flight at once while setting up. */
const PARALLEL = 20;

/**
 * Before any order: the profile's products put into the product master as the ERP does (orders
 * and receipts for other skus are refused) until the order service knows them, its customers
 * pushed to crm-sync as the CRM does (HMAC-signed webhook, no credit limit, so the customer checks
 * approve every order), its stock received.
 */
export async function setUpSaga(
  profile: LoadProfile,
  urls: { inventory: string; order: string; crmSync?: string },
  issuerUrl: string,
  requests: RequestCounter,
): Promise<void> {
  await loadProducts(profile.skus.map((sku) => productOf(sku)), urls, { issuerUrl });
  for (const receipt of profile.receipts) {
    const response = await requests.fetchAs('warehouse', `${urls.inventory}/v1/stock/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receiptId: `bench-${randomUUID()}`, ...receipt }),
    });
    if (response.status !== 201) throw new Error(`stock receipt refused: ${response.status} ${await response.text()}`);
  }
  const crmSync = urls.crmSync;
  if (!crmSync) return;
  const queue = [...profile.customers];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let customerId = queue.shift(); customerId !== undefined; customerId = queue.shift()) await pushCustomer(crmSync, customerId);
    }),
  );
}

async function pushCustomer(crmSyncUrl: string, customerId: string): Promise<void> {
  const body = JSON.stringify({
    customerId,
    name: `Bench Customer ${customerId}`,
    email: `${customerId.toLowerCase()}@bench.tradeflow.example`,
    status: 'ACTIVE',
    creditLimitMinor: null,
    currency: 'EUR',
    paymentTermsDays: 30,
    updatedAt: new Date().toISOString(),
  });
  const response = await fetch(`${crmSyncUrl}/v1/crm/webhooks/customers`, { method: 'POST', headers: signedWebhookHeaders(BENCH_CRM_SECRET, body), body });
  if (!response.ok) throw new Error(`crm-sync refused customer ${customerId}: ${response.status} ${await response.text()}`);
}

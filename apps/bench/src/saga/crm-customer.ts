import { signedWebhookHeaders } from '@tradeflow/platform';
import { BENCH_CRM_SECRET } from './saga-stack';

export const BENCH_CUSTOMER = 'CUST-BENCH';

/**
 * Pushes the bench's customer to crm-sync as the CRM does (HMAC-signed webhook), with no credit
 * limit, so the order service's customer checks approve every bench order.
 */
export async function pushBenchCustomer(crmSyncUrl: string): Promise<void> {
  const body = JSON.stringify({
    customerId: BENCH_CUSTOMER,
    name: 'Bench Customer Ltd',
    email: 'bench@tradeflow.example',
    status: 'ACTIVE',
    creditLimitMinor: null,
    currency: 'EUR',
    paymentTermsDays: 30,
    updatedAt: new Date().toISOString(),
  });
  const response = await fetch(`${crmSyncUrl}/v1/crm/webhooks/customers`, { method: 'POST', headers: signedWebhookHeaders(BENCH_CRM_SECRET, body), body });
  if (!response.ok) throw new Error(`crm-sync refused the bench customer: ${response.status} ${await response.text()}`);
}

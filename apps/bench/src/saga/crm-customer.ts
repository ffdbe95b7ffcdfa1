import { createHmac } from 'node:crypto';
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
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', BENCH_CRM_SECRET).update(`${timestamp}.`).update(body).digest('hex')}`;
  const response = await fetch(`${crmSyncUrl}/v1/crm/webhooks/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tradeflow-timestamp': timestamp, 'x-tradeflow-signature': signature },
    body,
  });
  if (!response.ok) throw new Error(`crm-sync refused the bench customer: ${response.status} ${await response.text()}`);
}

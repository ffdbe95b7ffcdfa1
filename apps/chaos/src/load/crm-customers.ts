import { signedWebhookHeaders } from '@tradeflow/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHAOS_CRM_SECRET } from '../stack/chaos-stack';
import { customerId } from './catalogue';
import type { ChaosCredentials } from './credentials';
import type { RetryingHttp } from './retrying-http';

/**
 * Pushes the run's customers to crm-sync as the CRM does (HMAC-signed webhook, no credit limit) and
 * waits until the order service knows them, so orders are approved rather than held.
 */
export async function registerCustomers(
  http: RetryingHttp,
  credentials: ChaosCredentials,
  urls: { crmSync: string; order: string },
  count: number,
): Promise<void> {
  for (let index = 1; index <= count; index++) {
    const body = JSON.stringify({
      customerId: customerId(index),
      name: `Chaos Customer ${index}`,
      email: `chaos-${index}@tradeflow.example`,
      taxId: null,
      status: 'ACTIVE',
      creditLimitMinor: null,
      currency: 'EUR',
      paymentTermsDays: 30,
      updatedAt: new Date().toISOString(),
    });
    const response = await fetch(`${urls.crmSync}/v1/crm/webhooks/customers`, { method: 'POST', headers: signedWebhookHeaders(CHAOS_CRM_SECRET, body), body });
    if (response.status !== 200) throw new Error(`crm-sync refused customer ${index}: ${response.status} ${await response.text()}`);
  }
  const deadline = Date.now() + 120_000;
  for (let index = 1; index <= count; index++) {
    for (;;) {
      // Credit control's view of the account (a channel key may not read it).
      const account = await http.get(`${urls.order}/v1/customer-accounts/${customerId(index)}`, credentials.as('credit'));
      if (account.body?.known === true) break;
      if (Date.now() > deadline) throw new Error(`the order service never learned customer ${customerId(index)}`);
      await sleep(250);
    }
  }
}

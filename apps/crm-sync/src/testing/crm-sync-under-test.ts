import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '@tradeflow/platform';
import type { DevClient, HttpAnswer } from '@tradeflow/testing';
import { ServiceUnderTest } from '@tradeflow/testing';
import { CrmSyncSettings } from '../crm-sync-settings';
import { crmSyncService } from '../crm-sync-service';

/** Integration tests only: crm-sync in-process on real Kafka, registry and Postgres, with its own topics and database. */
export const WEBHOOK_SECRET = 'integration-test-webhook-secret-0123456789';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
type Answer = HttpAnswer<any>;

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  signature?: string;
}

/** A CRM webhook request as the CRM would send it, signed over the exact body bytes. */
export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

export function signedRequest(body: string, options: SignOptions = {}): SignedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: options.signature ?? signWebhook(options.secret ?? WEBHOOK_SECRET, timestamp, body),
    },
    body,
  };
}

export class CrmSyncUnderTest extends ServiceUnderTest<CrmSyncSettings> {
  constructor() {
    super({ definition: crmSyncService, settings: CrmSyncSettings, env: { CRM_WEBHOOK_SECRET: WEBHOOK_SECRET, OUTBOX_POLL_INTERVAL_MS: '100' } });
  }

  /** Calls the API with a bearer token of the development client `as`, or with no credential. */
  call(method: 'GET' | 'POST', path: string, body?: unknown, as?: DevClient): Promise<Answer> {
    return this.request(method, path, { body, as });
  }

  /** POSTs a customer webhook as it was signed (or spoiled on purpose). */
  postWebhook({ headers, body }: SignedRequest): Promise<Answer> {
    return this.request('POST', '/v1/crm/webhooks/customers', { headers, rawBody: body });
  }
}

import { Injectable } from '@nestjs/common';
import { CrmSyncSettings } from '../crm-sync-settings';
import type { PostResult } from '@tradeflow/platform';
import { postToPartner, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from '@tradeflow/platform';

/** The id of the activity, so the CRM can drop a repeat (delivery is at least once). */
export const ACTIVITY_ID_HEADER = 'x-tradeflow-activity-id';

/** What the CRM receives for one activity. */
export interface ActivityMessage {
  activityId: string;
  eventId: string;
  type: string;
  customerId: string;
  orderId: string;
  occurredAt: string;
  summary: string;
  details: Record<string, unknown>;
  amountMinor: number | null;
  currency: string | null;
}

/** POSTs activity to CRM_ACTIVITY_URL, signed like the CRM's own webhooks. Never throws. */
@Injectable()
export class CrmActivityClient {
  constructor(private readonly settings: CrmSyncSettings) {}

  send(message: ActivityMessage): Promise<PostResult> {
    const { CRM_ACTIVITY_URL: url, CRM_ACTIVITY_SECRET: secret, CRM_ACTIVITY_TIMEOUT_MS: timeoutMs } = this.settings;
    if (!url || !secret) return Promise.resolve({ delivered: false, error: 'no CRM_ACTIVITY_URL configured' });
    const body = JSON.stringify(message);
    const timestamp = Math.floor(Date.now() / 1000);
    return postToPartner(url, {
      headers: {
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret.reveal(), timestamp, body),
        [ACTIVITY_ID_HEADER]: message.activityId,
      },
      body,
      timeoutMs,
    });
  }
}
